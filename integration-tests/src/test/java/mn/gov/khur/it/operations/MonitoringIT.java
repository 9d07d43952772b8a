package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SmsGatewayProcess;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.smsc.SmscSimulator;
import mn.gov.khur.sandbox.smsc.SmscSimulatorConfig;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18.4: the alert rules and the dashboard in {@code docker/monitoring/} pass promtool (syntax and the rules' own
 * unit tests: each alert fires on its situation and not on its look-alike), and every metric they name is exported
 * by a running Keycloak (management port) or SMPP bridge after one real reverse-SMS login through the SMSC.
 */
@ExtendWith(KhurServerExtension.class)
class MonitoringIT {

    private static final Pattern METRIC = Pattern.compile("\\bkhur_[a-z0-9_]+");
    private static SmscSimulator smsc;
    private static SmsGatewayProcess bridge;
    private static Path monitoring;

    @BeforeAll
    static void bridgeAndOneLogin() throws Exception {
        monitoring = Path.of(KeycloakServer.requiredProperty("khur.repo.root")).resolve("docker/monitoring");
        smsc = SmscSimulator.start(SmscSimulatorConfig.defaults().withPort(0).withRetryInterval(Duration.ofSeconds(1)));
        bridge = SmsGatewayProcess.start(KeycloakServer.BASE_URL + InboundSmsClient.PATH, smsc.port());
        TestCitizen citizen = TestCitizen.random();
        new AdminApi().createCitizen(citizen);
        OidcRelyingParty rp = new OidcRelyingParty("demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser();
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(smsc.deliverMo(citizen.phoneE164(), "130092", code).result().get(30, TimeUnit.SECONDS)).isZero();
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    @Test
    void theRulesPassPromtoolAndTheirOwnUnitTests() throws Exception {
        assertThat(promtool("check", "rules", "khur-alerts.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "khur-alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void everyDashboardPanelQueriesPrometheus() throws Exception {
        JsonNode dashboard = Json.parse(Files.readString(monitoring.resolve("khur-dashboard.json")));
        assertThat(dashboard.path("uid").asText()).isEqualTo("khur-operations");
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
        }
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNameIsExportedByARunningServer() throws Exception {
        Set<String> named = new TreeSet<>();
        named.addAll(metricNames(Files.readString(monitoring.resolve("khur-alerts.yml"))));
        named.addAll(metricNames(Files.readString(monitoring.resolve("khur-dashboard.json"))));
        String exported = scrape(KeycloakServer.MANAGEMENT_URL + "/metrics")
                + scrape("http://127.0.0.1:" + bridge.httpPort() + "/q/metrics");
        List<String> missing = new ArrayList<>();
        for (String name : named) {
            if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(exported).find()) {
                missing.add(name);
            }
        }
        assertThat(named).hasSizeGreaterThan(8);
        assertThat(missing).as("metrics named in docker/monitoring but exported by neither Keycloak nor the bridge").isEmpty();
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static String scrape(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** Debian's promtool (package prometheus; .ci/run installs it). */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(monitoring.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool not installed (Debian package prometheus; .ci/run installs it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}

package mn.gov.khur.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.cluster.ClusterNode;
import mn.gov.khur.it.support.cluster.LoadBalancer;
import mn.gov.khur.it.support.cluster.PostgresServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Production shape on loopback: PostgreSQL, two Keycloak nodes (production mode, clustered
 * Infinispan, JDBC-ping discovery over the shared database) behind a load balancer. A login's state
 * lives in the cluster, not in one node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static PostgresServer postgres;
    private static LoadBalancer balancer;
    private static ClusterNode node1;
    private static ClusterNode node2;
    private static String publicUrl;

    @BeforeAll
    static void cluster() throws Exception {
        Path work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("cluster");
        postgres = PostgresServer.start();
        Path dist = ClusterNode.buildDistribution(work);
        int lbPort = freePort();
        publicUrl = "http://localhost:" + lbPort;
        node1 = ClusterNode.create("node1", dist, work, publicUrl, postgres.jdbcUrl());
        node2 = ClusterNode.create("node2", dist, work, publicUrl, postgres.jdbcUrl());
        node1.start(); // imports the realm; the second node finds it
        node2.start();
        balancer = new LoadBalancer(lbPort, node1.httpPort());
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {balancer, node1, node2, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void loginStartedOnNode1CompletesWhenTheSmsReachesNode2AndTheBrowserContinuesOnNode2() {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi(publicUrl).createCitizen(citizen);
        balancer.routeTo(node1.httpPort());
        OidcRelyingParty rp = new OidcRelyingParty(publicUrl, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", publicUrl);
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));

        assertMatched(new InboundSmsClient(node2.directUrl(), KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code));

        balancer.routeTo(node2.httpPort());
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    @Test
    @Order(2)
    void node1KilledAfterTheCodeWasShownTheCitizenFinishesOnNode2WithoutStartingOver() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        new AdminApi(publicUrl).createCitizen(citizen);
        balancer.routeTo(node1.httpPort());
        OidcRelyingParty rp = new OidcRelyingParty(publicUrl, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", publicUrl);
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));

        node1.kill();
        balancer.routeTo(node2.httpPort());
        assertMatched(new InboundSmsClient(node2.directUrl(), KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code));
        HttpBrowser.Page back = CitizenLogin.pressContinue(browser);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
        node1.start();
    }

    @Test
    @Order(3)
    void usersCredentialsAndTheSmsAuditSurviveAFullRestart() throws Exception {
        TestCitizen citizen = TestCitizen.random();
        AdminApi admin = new AdminApi(publicUrl);
        String userId = admin.createCitizen(citizen);
        InboundSmsClient gateway = new InboundSmsClient(node1.directUrl(), KeycloakServer.SMS_SECRET);
        gateway.send(citizen.phoneE164(), "123456");

        node2.stop();
        node1.stop();
        node1.start();
        node2.start();
        balancer.routeTo(node2.httpPort());

        assertThat(admin.user(userId).at("/attributes/register_number/0").asText()).isEqualTo(citizen.registerNumber());
        HttpResponse<String> audit = admin.get("/admin/realms/khur/khur-sms-audit?phone="
                + URLEncoder.encode(citizen.phoneE164(), StandardCharsets.UTF_8));
        assertThat(Json.parse(audit.body())).hasSize(1);

        OidcRelyingParty rp = new OidcRelyingParty(publicUrl, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", publicUrl);
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertMatched(new InboundSmsClient(node2.directUrl(), KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code));
        assertThat(CitizenLogin.pressContinue(browser).leftIdp()).isTrue();
    }

    private static void assertMatched(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("status").asText()).isEqualTo("matched");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package mn.gov.khur.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mn.gov.khur.it.bank.SandboxBanks;
import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.CitizenLogin;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.InboundSmsClient;
import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.SoftwarePasskey;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.it.support.cluster.ClusterNode;
import mn.gov.khur.it.support.cluster.LoadBalancer;
import mn.gov.khur.it.support.cluster.PostgresServer;
import mn.gov.khur.it.support.operations.PreviousRelease;
import mn.gov.khur.sandbox.banks.SandboxBankEnvironment;
import mn.gov.khur.sandbox.banks.SeedSandboxBanks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18.1: the previous Keycloak patch ({@code keycloak.previous.version}) runs our providers and realm on
 * PostgreSQL in production mode; citizens log in by password + reverse SMS, register and log in through a bank, link
 * a bank to an existing account, make a passkey through the offer after an SMS login; their sessions stay open. It
 * stops; the current version ({@code keycloak.version}) starts on the same database. Nothing in the user, credential
 * (the passkey's row among them), link, session, audit and event tables is lost (rows counted before and after), every
 * citizen logs in again by each of their methods (the passkey alone at {@code substantial}: its WebAuthn credential
 * made on the previous version still verifies), the session opened before still signs in without a password, and the
 * time the start with the database migration took is printed beside a start without one. Keycloak's own compatibility check says whether the two versions can be rolled node by node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakPatchUpgradeIT {

    /** Tables whose rows must all survive the upgrade (lower case: PostgreSQL). */
    private static final List<String> KEPT = List.of("user_entity", "credential", "user_attribute", "federated_identity",
            "user_role_mapping", "user_consent", "offline_user_session", "offline_client_session", "event_entity",
            "admin_event_entity", "khur_sms_inbound_audit", "realm", "client", "authentication_flow");

    private static final String PREVIOUS = KeycloakServer.requiredProperty("khur.keycloak.previous.version");
    private static final String CURRENT = KeycloakServer.requiredProperty("khur.keycloak.version");

    private static Path work;
    private static PostgresServer postgres;
    private static ClusterNode node;
    private static LoadBalancer balancer;
    private static int port;
    private static String url;
    private static AdminApi admin;
    private static Path currentDist;
    private static Map<String, String> bankEnvironment;
    private static final Map<String, Long> rowsBefore = new LinkedHashMap<>();
    /** The passkeys' rows of the credential table (Keycloak's type for a discoverable WebAuthn credential). */
    private static final String PASSKEY_ROWS = "credential where type = 'webauthn-passwordless'";

    private static TestCitizen smsCitizen;
    private static HttpBrowser smsCitizenBrowser;
    private static TestCitizen bankLinkedCitizen;
    private static SandboxBanks.Customer bankLinkedCustomer;
    private static SandboxBanks.Customer bankRegisteredCustomer;
    private static TestCitizen passkeyCitizen;
    private static String passkeyCitizenId;
    private static SoftwarePasskey passkey;

    @BeforeAll
    static void previousVersionOnPostgres() throws Exception {
        work = Path.of(KeycloakServer.requiredProperty("khur.it.work")).resolve("upgrade");
        Files.createDirectories(work);
        postgres = PostgresServer.start();
        Path previousDist = PreviousRelease.build(Path.of(KeycloakServer.requiredProperty("khur.keycloak.previous.dist.zip")), work);
        currentDist = ClusterNode.buildDistribution(work.resolve("current"));
        port = freePort();
        url = "http://localhost:" + port;
        bankEnvironment = SandboxBankEnvironment.forBaseUrl(url);
        node = ClusterNode.create("previous-" + PREVIOUS, previousDist, work, url, postgres.jdbcUrl())
                .configure(bankEnvironment, List.of());
        node.start();
        balancer = new LoadBalancer(port, List.of(node));
        balancer.routeTo(node);
        admin = new AdminApi(url);
        SeedSandboxBanks.seed(url, "admin", "admin", Path.of(KeycloakServer.requiredProperty("khur.sandbox.realms")));
        System.out.println("upgrade: previous Keycloak " + PREVIOUS + " → current " + CURRENT);
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {balancer, node, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void onThePreviousVersionCitizensLogInRegisterLinkABankAndMakeAPasskey() throws Exception {
        smsCitizen = TestCitizen.random();
        admin.createCitizen(smsCitizen);
        smsCitizenBrowser = new HttpBrowser("mn", url);
        logInBySms(smsCitizenBrowser, smsCitizen); // this browser keeps its session across the upgrade

        bankLinkedCitizen = TestCitizen.random();
        admin.createCitizen(bankLinkedCitizen);
        bankLinkedCustomer = SandboxBanks.customer(admin, SandboxBanks.KHAN, bankLinkedCitizen.registerNumber());
        assertThat(logInByBank(bankLinkedCustomer)).isEqualTo(bankLinkedCitizen.registerNumber());

        TestCitizen newcomer = TestCitizen.random(); // registers through the bank
        bankRegisteredCustomer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, newcomer.registerNumber());
        assertThat(logInByBank(bankRegisteredCustomer)).isEqualTo(newcomer.registerNumber());

        passkeyCitizen = TestCitizen.random();
        passkeyCitizenId = admin.createCitizen(passkeyCitizen);
        passkey = passkeyAfterSmsLogin(passkeyCitizen);
        assertThat(new String(passkey.userHandle(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(passkeyCitizenId);

        for (String table : KEPT) {
            rowsBefore.put(table, rows(table));
        }
        rowsBefore.put(PASSKEY_ROWS, rows(PASSKEY_ROWS));
        System.out.println("upgrade: rows on " + PREVIOUS + ": " + rowsBefore);
        assertThat(rowsBefore.get("federated_identity")).isGreaterThanOrEqualTo(2);
        assertThat(rowsBefore.get("khur_sms_inbound_audit")).isPositive();
        assertThat(rowsBefore.get(PASSKEY_ROWS)).as("the passkey made on " + PREVIOUS).isEqualTo(1);
        assertThat(rows(PASSKEY_ROWS + " and user_id = '" + passkeyCitizenId + "'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theCurrentVersionStartsOnTheSameDatabaseAndNothingIsLost() throws Exception {
        node.stop();
        node = ClusterNode.create("current-" + CURRENT, currentDist, work, url, postgres.jdbcUrl()).configure(bankEnvironment, List.of());
        long start = System.nanoTime();
        node.start();
        Duration withMigration = Duration.ofNanos(System.nanoTime() - start);
        balancer.routeTo(node); // same public URL: the citizens' cookies stay valid
        List<String> firstStartLog = Files.readAllLines(work.resolve("current-" + CURRENT).resolve("node.log"));

        Map<String, Long> after = new LinkedHashMap<>();
        for (String table : KEPT) {
            after.put(table, rows(table));
        }
        after.put(PASSKEY_ROWS, rows(PASSKEY_ROWS));
        System.out.println("upgrade: rows on " + CURRENT + " after its first start: " + after);
        for (String table : KEPT) {
            assertThat(after.get(table)).as(table + " rows after the upgrade").isGreaterThanOrEqualTo(rowsBefore.get(table));
        }
        for (String table : List.of("user_entity", "credential", PASSKEY_ROWS, "federated_identity", "khur_sms_inbound_audit")) {
            assertThat(after.get(table)).as(table + " unchanged by the start").isEqualTo(rowsBefore.get(table));
        }

        node.stop();
        start = System.nanoTime();
        node.start();
        Duration plain = Duration.ofNanos(System.nanoTime() - start);
        balancer.routeTo(node);
        System.out.printf("upgrade: %s → %s: first start on the old database %.1f s, a start without migration %.1f s:"
                        + " the database migration took about %.1f s%n", PREVIOUS, CURRENT, withMigration.toMillis() / 1000.0,
                plain.toMillis() / 1000.0, Math.max(0, withMigration.minus(plain).toMillis()) / 1000.0);
        System.out.println("upgrade: " + migrationFromLog(firstStartLog));
        System.out.println("upgrade: database version now " + postgres.query(
                "select id || ' ' || author from databasechangelog order by orderexecuted desc limit 1"));
    }

    @Test
    @Order(3)
    void everyCitizenStillLogsInByEachOfTheirMethodsAndTheOpenSessionSurvived() throws Exception {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin sso = rp.begin();
        HttpBrowser.Page back = smsCitizenBrowser.open(sso.authorizationUri());
        assertThat(back.leftIdp()).as("the session opened on %s signs in without a password: %s", PREVIOUS, back.body()).isTrue();
        assertThat(rp.finish(sso, back.uri()).idToken().getClaim("register_number")).isEqualTo(smsCitizen.registerNumber());

        logInBySms(new HttpBrowser("mn", url), smsCitizen);
        assertThat(logInByBank(bankLinkedCustomer)).isEqualTo(bankLinkedCitizen.registerNumber());
        logInBySms(new HttpBrowser("mn", url), bankLinkedCitizen); // the linked citizen has both methods
        assertThat(logInByBank(bankRegisteredCustomer)).isNotBlank();
        logInByPasskey(passkeyCitizen, passkeyCitizenId, passkey);
        assertThat(rows("user_entity")).as("no account was added or lost by the upgrade").isEqualTo(rowsBefore.get("user_entity"));
    }

    @Test
    @Order(4)
    void keycloaksOwnCompatibilityCheckSaysWhetherTwoNodesCanBeRolled() throws Exception {
        Path metadata = work.resolve("update-compatibility-" + PREVIOUS + ".json");
        Path previousDist = work.resolve("previous-dist");
        String saved = kcSh(previousDist, "update-compatibility", "metadata", "--file=" + metadata, "--db=postgres",
                "--cache=ispn", "--health-enabled=true", "--metrics-enabled=true").output();
        assertThat(metadata).as(saved).exists();
        Result check = kcSh(currentDist, "update-compatibility", "check", "--file=" + metadata, "--db=postgres",
                "--cache=ispn", "--health-enabled=true", "--metrics-enabled=true");
        System.out.println("upgrade: kc.sh update-compatibility check " + PREVIOUS + " → " + CURRENT + ": exit " + check.exit()
                + (check.exit() == 0 ? " (rolling update possible)" : check.exit() == 3 ? " (recreate: stop all nodes)" : "")
                + "\n" + check.output());
        assertThat(check.exit()).as(check.output()).isIn(0, 3);
    }

    private static final java.util.regex.Pattern LOG_TIME = java.util.regex.Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3})");

    /**
     * The database migration as the node's log shows it: from Keycloak's first schema/model migration line to the
     * first other line after the last one (Liquibase logs no end of its own).
     */
    static String migrationFromLog(List<String> lines) {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
        java.time.LocalDateTime first = null;
        java.time.LocalDateTime last = null;
        java.time.LocalDateTime after = null;
        List<String> steps = new java.util.ArrayList<>();
        for (String line : lines) {
            java.util.regex.Matcher time = LOG_TIME.matcher(line);
            if (!time.find()) {
                continue;
            }
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(time.group(1), format);
            boolean migration = line.contains("JpaUpdaterProvider") || line.toLowerCase(java.util.Locale.ROOT).contains("migrat");
            if (migration) {
                first = first == null ? at : first;
                last = at;
                after = null;
                steps.add(line.length() > 200 ? line.substring(0, 200) : line);
            } else if (last != null && after == null && !line.contains("io.smallrye.health")) {
                after = at;
            }
        }
        if (first == null) {
            return "database migration: none logged (the schema needed no change)";
        }
        Duration took = Duration.between(first, after != null ? after : last);
        return String.format("database migration (from the log): %.1f s%n  %s", took.toMillis() / 1000.0, String.join("\n  ", steps));
    }

    private record Result(int exit, String output) {
    }

    private static Result kcSh(Path home, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }

    private static void logInBySms(HttpBrowser browser, TestCitizen citizen) {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = smsSteps(browser, login, citizen);
        assertThat(back.leftIdp()).as(back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    /** Register number + password, the shown code texted from the citizen's phone, Continue: the page after that. */
    private static HttpBrowser.Page smsSteps(HttpBrowser browser, OidcRelyingParty.PendingLogin login, TestCitizen citizen) {
        browser.open(login.authorizationUri());
        String code = CitizenLogin.shownCode(CitizenLogin.passwordStep(browser, citizen.registerNumber(), citizen.password()));
        assertThat(new InboundSmsClient(url, KeycloakServer.SMS_SECRET).send(citizen.phoneE164(), code).body()).contains("\"matched\"");
        return CitizenLogin.pressContinue(browser);
    }

    /**
     * A browser whose entry page found a fingerprint/face/PIN authenticator: the cookie the page's script sets, as
     * PasskeyLoginIT's devices carry it (without it no passkey is offered).
     */
    private static HttpBrowser passkeyCapableDevice() {
        HttpBrowser device = new HttpBrowser("mn", url);
        device.setScriptCookie("/realms/khur/", "KHUR_PASSKEY_DEVICE", "platform");
        return device;
    }

    /** The citizen's passkey (webauthn4j's software authenticator, origin = this server), made through the offer after an SMS login. */
    private static SoftwarePasskey passkeyAfterSmsLogin(TestCitizen citizen) {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser device = passkeyCapableDevice();
        HttpBrowser.Page offer = smsSteps(device, login, citizen);
        assertThat(offer.has("#khur-passkey-create")).as("the passkey offer after a fresh SMS login: %s", offer.body()).isTrue();
        SoftwarePasskey made = new SoftwarePasskey(url);
        HttpBrowser.Page back = device.submit("#register", made.create(offer.body(), "Upgrade IT passkey"), null);
        assertThat(back.leftIdp()).as("passkey created: %s", back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getClaim("amr")).isEqualTo(List.of("pwd", "sms", "mfa"));
        return made;
    }

    /** The passkey alone, on another (logged-out) device: no password, no SMS; substantial with the passkey amr. */
    private static void logInByPasskey(TestCitizen citizen, String userId, SoftwarePasskey citizensPasskey) {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser device = passkeyCapableDevice();
        HttpBrowser.Page entry = device.open(login.authorizationUri());
        assertThat(entry.has("#khur-method-passkey")).as("the entry page offers the passkey: %s", entry.body()).isTrue();
        HttpBrowser.Page back = device.submit("#webauth", citizensPasskey.sign(entry.body()), null);
        assertThat(back.leftIdp()).as("the passkey made on %s logs in on %s: %s", PREVIOUS, CURRENT, back.body()).isTrue();
        OidcRelyingParty.LoginResult tokens = rp.finish(login, back.uri());
        assertThat(tokens.idToken().getSubject()).isEqualTo(userId);
        assertThat(tokens.idToken().getClaim("acr")).isEqualTo("substantial");
        assertThat(tokens.idToken().getClaim("amr")).isEqualTo(List.of("passkey", "hwk", "mfa"));
        assertThat(tokens.userInfo().getClaim("register_number")).isEqualTo(citizen.registerNumber());
    }

    /** A bank login (registering the citizen the first time, without adding a phone); returns the register number. */
    private static String logInByBank(SandboxBanks.Customer customer) {
        OidcRelyingParty rp = new OidcRelyingParty(url, "demo-rp", "demo-rp-secret");
        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser browser = new HttpBrowser("mn", url);
        HttpBrowser.Page page = SandboxBanks.logIn(browser, login.authorizationUri(), customer);
        if (page.has("#khur-add-phone-form")) {
            page = browser.submit("#khur-add-phone-skip-form", Map.of(), "skip");
        }
        assertThat(page.leftIdp()).as(page.body()).isTrue();
        OidcRelyingParty.LoginResult result = rp.finish(login, page.uri());
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("bank"));
        return String.valueOf(result.idToken().getClaim("register_number"));
    }

    private static long rows(String table) throws Exception {
        return Long.parseLong(postgres.query("select count(*) from " + table));
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

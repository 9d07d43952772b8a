package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bank whose token endpoint accepts connections and never answers (the worst kind of outage):
 * the citizen gets a clear page within the HTTP client's timeouts, no hang, no account.
 */
@ExtendWith(KhurServerExtension.class)
class BankUnreachableIT {

    private static final String ALIAS = "it-silent-bank";
    private final AdminApi admin = new AdminApi();

    @Test
    void aBankThatDoesNotAnswerEndsInAClearErrorWithoutHanging() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accept, read nothing, answer nothing
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            createSilentBank("http://127.0.0.1:" + silent.getLocalPort() + "/token");
            try {
                SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.KHAN, TestCitizen.random().registerNumber());
                HttpBrowser browser = new HttpBrowser("mn");
                SandboxBanks.toConsent(browser, OidcRelyingParty.demo().begin().authorizationUri(), customer.viaProvider(ALIAS));
                Instant start = Instant.now();
                HttpBrowser.Page page = SandboxBanks.allow(browser);
                Duration took = Duration.between(start, Instant.now());

                assertThat(took).as("no hang").isLessThan(Duration.ofSeconds(25));
                assertThat(page.leftIdp()).isFalse();
                assertThat(page.body()).contains("Банк эсвэл нэвтрэлтийн үйлчилгээ үзүүлэгчтэй холбогдож чадсангүй");
                assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.keycloak");
                assertThat(held).as("Keycloak really called the silent bank").isNotEmpty();
            } finally {
                admin.delete("/admin/realms/khur/identity-provider/instances/" + ALIAS);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** A copy of the Khan sandbox bank's provider, except for a token endpoint that never answers. */
    private void createSilentBank(String tokenUrl) {
        HttpResponse<String> khan = admin.get("/admin/realms/khur/identity-provider/instances/khanbank");
        assertThat(khan.statusCode()).isEqualTo(200);
        JsonNode source = Json.parse(khan.body());
        Map<String, Object> config = Json.MAPPER.convertValue(source.get("config"), Map.class);
        config = new HashMap<>(config);
        config.put("tokenUrl", tokenUrl);
        config.put("clientSecret", "sandbox-khan-secret");
        Map<String, Object> idp = new HashMap<>(Map.of(
                "alias", ALIAS, "displayName", "Silent bank", "providerId", "oidc", "enabled", true,
                "trustEmail", false, "firstBrokerLoginFlowAlias", "khur bank first login",
                "postBrokerLoginFlowAlias", "khur bank post login", "config", config));
        HttpResponse<String> created = admin.post("/admin/realms/khur/identity-provider/instances", Json.write(idp));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.Json;

/** Test customers of the sandbox banks and a citizen's walk through a bank login without JavaScript. */
final class SandboxBanks {

    static final String KHAN = "khanbank";
    static final String GOLOMT = "golomt";

    private SandboxBanks() {
    }

    static String realmOf(String alias) {
        return switch (alias) {
            case KHAN -> "sandbox-bank-khan";
            case GOLOMT -> "sandbox-bank-golomt";
            default -> throw new IllegalArgumentException(alias);
        };
    }

    /** A bank customer made up for one test; {@code bankAlias} is the button they choose on our page. */
    record Customer(String bankAlias, String bankRealm, String username, String password, String givenName, String familyName) {

        Customer viaProvider(String alias) {
            return new Customer(alias, bankRealm, username, password, givenName, familyName);
        }
    }

    /** Creates a customer in the sandbox bank; {@code registerNumber} null means the bank has none for them. */
    static Customer customer(AdminApi admin, String bankAlias, String registerNumber) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = new Customer(bankAlias, realmOf(bankAlias), "c-" + unique, "Bank1" + unique, "Сараа", "Банкхэрэглэгч" + unique.replaceAll("[^a-f]", "").toUpperCase());
        Map<String, Object> user = new HashMap<>(Map.of(
                "username", customer.username(), "enabled", true,
                "firstName", customer.givenName(), "lastName", customer.familyName(),
                "credentials", List.of(Map.of("type", "password", "value", customer.password(), "temporary", false))));
        if (registerNumber != null) {
            user.put("attributes", Map.of("register_number", List.of(registerNumber)));
        }
        HttpResponse<String> created = admin.post("/admin/realms/" + realmOf(bankAlias) + "/users", Json.write(user));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return customer;
    }

    /** From our login page: choose the bank and log in at the bank; returns the bank's consent page. */
    static HttpBrowser.Page toConsent(HttpBrowser browser, URI authorizationUri, Customer customer) {
        HttpBrowser.Page login = browser.open(authorizationUri);
        assertThat(login.has("#khur-method-bank")).as("bank chooser on: %s", login.body()).isTrue();
        String bankLink = login.document().selectFirst("#khur-bank-" + customer.bankAlias()).absUrl("href");
        HttpBrowser.Page bankLogin = browser.open(URI.create(bankLink));
        assertThat(bankLogin.uri().getPath()).startsWith("/realms/" + customer.bankRealm() + "/");
        HttpBrowser.Page consent = browser.submit("#kc-form-login",
                Map.of("username", customer.username(), "password", customer.password()), null);
        assertThat(consent.body()).as("the bank asks for consent").contains("Зөвшөөрөх");
        return consent;
    }

    static HttpBrowser.Page allow(HttpBrowser browser) {
        return browser.submit("form:has(button[name=accept]), form:has(input[name=accept])", Map.of(), "accept");
    }

    static HttpBrowser.Page deny(HttpBrowser browser) {
        return browser.submit("form:has(button[name=cancel]), form:has(input[name=cancel])", Map.of(), "cancel");
    }

    /** The whole bank login; returns where the browser ended (the RP redirect, or one of our pages). */
    static HttpBrowser.Page logIn(HttpBrowser browser, URI authorizationUri, Customer customer) {
        toConsent(browser, authorizationUri, customer);
        return allow(browser);
    }
}

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
import mn.gov.khur.it.support.pages.LoginPage;
import mn.gov.khur.it.support.pages.SandboxBankPages;

/** Test customers of the sandbox banks and a citizen's walk through a bank login without JavaScript. */
public final class SandboxBanks {

    public static final String KHAN = "khanbank";
    public static final String GOLOMT = "golomt";

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
    public record Customer(String bankAlias, String bankRealm, String username, String password, String givenName, String familyName) {

        Customer viaProvider(String alias) {
            return new Customer(alias, bankRealm, username, password, givenName, familyName);
        }
    }

    /** Creates a customer in the sandbox bank; {@code registerNumber} null means the bank has none for them. */
    public static Customer customer(AdminApi admin, String bankAlias, String registerNumber) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Customer customer = new Customer(bankAlias, realmOf(bankAlias), "c-" + unique, "Bank1" + unique, "Сараа", "Банкхэрэглэгч" + lettersOnly(unique));
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

    /** From our login page: choose the bank and log in at the bank; returns the bank's answer (consent page, or the result). */
    /** Names may not hold digits: each hex digit of the unique id becomes a letter A–P, keeping all its entropy. */
    private static String lettersOnly(String hex) {
        StringBuilder letters = new StringBuilder();
        for (char c : hex.toCharArray()) {
            letters.append((char) ('A' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    /** Straight to the bank with OIDC's kc_idp_hint, as a site that names the bank itself would. */
    static HttpBrowser.Page atBankByHint(HttpBrowser browser, URI authorizationUri, Customer customer) {
        HttpBrowser.Page bankLogin = browser.open(URI.create(authorizationUri + "&kc_idp_hint=" + customer.bankAlias()));
        assertThat(bankLogin.uri().getPath()).startsWith("/realms/" + customer.bankRealm() + "/");
        HttpBrowser.Page answer = browser.submit(SandboxBankPages.LOGIN_FORM, Map.of("username", customer.username(), "password", customer.password()), null);
        return isConsent(answer) ? allow(browser) : answer;
    }

    static HttpBrowser.Page atBank(HttpBrowser browser, URI authorizationUri, Customer customer) {
        HttpBrowser.Page login = browser.open(authorizationUri);
        assertThat(login.has(LoginPage.METHOD_BANK)).as("bank chooser on: %s", login.body()).isTrue();
        String bankLink = login.document().selectFirst(LoginPage.bank(customer.bankAlias())).absUrl("href");
        HttpBrowser.Page bankLogin = browser.open(URI.create(bankLink));
        assertThat(bankLogin.uri().getPath()).startsWith("/realms/" + customer.bankRealm() + "/");
        return browser.submit(SandboxBankPages.LOGIN_FORM, Map.of("username", customer.username(), "password", customer.password()), null);
    }

    static boolean isConsent(HttpBrowser.Page page) {
        return page.has(SandboxBankPages.ACCEPT) && page.uri().getPath().startsWith("/realms/sandbox-bank-");
    }

    /** As {@link #atBank}, for a customer who has not yet allowed sharing with ХУР: the consent page. */
    static HttpBrowser.Page toConsent(HttpBrowser browser, URI authorizationUri, Customer customer) {
        HttpBrowser.Page consent = atBank(browser, authorizationUri, customer);
        assertThat(isConsent(consent)).as("the bank asks for consent: %s", consent.body()).isTrue();
        assertThat(consent.body()).containsAnyOf("Зөвшөөрөх", "Allow");
        return consent;
    }

    static HttpBrowser.Page allow(HttpBrowser browser) {
        return browser.submit("form:has(button[name=accept]), form:has(input[name=accept])", Map.of(), "accept");
    }

    static HttpBrowser.Page deny(HttpBrowser browser) {
        return browser.submit("form:has(button[name=cancel]), form:has(input[name=cancel])", Map.of(), "cancel");
    }

    /** The whole bank login; returns where the browser ended (the RP redirect, or one of our pages). */
    public static HttpBrowser.Page logIn(HttpBrowser browser, URI authorizationUri, Customer customer) {
        HttpBrowser.Page answer = atBank(browser, authorizationUri, customer);
        return isConsent(answer) ? allow(browser) : answer; // consent is asked once, then remembered by the bank
    }
}

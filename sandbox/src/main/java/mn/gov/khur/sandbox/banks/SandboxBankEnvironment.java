package mn.gov.khur.sandbox.banks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment that wires the khur realm's bank identity providers to the sandbox banks (extra
 * realms of the same dev Keycloak). One source for the dev run ({@code bin/dev} evaluates what
 * {@link #main} prints) and the integration tests, so both run the same configuration. Dev only.
 */
public final class SandboxBankEnvironment {

    /** Sandbox bank: env prefix in the realm file, realm name, client secret (see sandbox/realms/). */
    private record SandboxBank(String envName, String realm, String clientSecret) {
    }

    private static final SandboxBank[] BANKS = {
            new SandboxBank("KHAN", "sandbox-bank-khan", "sandbox-khan-secret"),
            new SandboxBank("GOLOMT", "sandbox-bank-golomt", "sandbox-golomt-secret")};

    private SandboxBankEnvironment() {
    }

    /** @param keycloakBaseUrl e.g. {@code http://localhost:8080}: the banks live in the same Keycloak */
    public static Map<String, String> forBaseUrl(String keycloakBaseUrl) {
        String base = keycloakBaseUrl.replaceAll("/+$", "");
        Map<String, String> env = new LinkedHashMap<>();
        for (SandboxBank bank : BANKS) {
            String prefix = "KHUR_BANK_" + bank.envName() + "_";
            String issuer = base + "/realms/" + bank.realm();
            env.put(prefix + "ENABLED", "true");
            env.put(prefix + "ASSERTS_REGISTER_NUMBER", "true");
            env.put(prefix + "ISSUER", issuer);
            env.put(prefix + "AUTHORIZATION_URL", issuer + "/protocol/openid-connect/auth");
            env.put(prefix + "TOKEN_URL", issuer + "/protocol/openid-connect/token");
            env.put(prefix + "JWKS_URL", issuer + "/protocol/openid-connect/certs");
            env.put(prefix + "CLIENT_ID", "khur");
            env.put(prefix + "CLIENT_SECRET", bank.clientSecret());
        }
        return env;
    }

    /** Prints {@code export NAME='value'} lines for a shell to evaluate. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SandboxBankEnvironment <keycloak-base-url>");
            System.exit(2);
        }
        forBaseUrl(args[0]).forEach((name, value) ->
                System.out.println("export " + name.toUpperCase(Locale.ROOT) + "='" + value.replace("'", "") + "'"));
    }
}

package mn.gov.khur.realmapply;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code realm-apply [--dry-run] [--allow-defaults] [--server URL] [--file realm-config/khur-realm.json]}: brings the
 * running realm to the file. Refuses (3) while a {@code ${KHUR_…:default}} placeholder has no variable in the
 * environment, unless {@code --allow-defaults} (or {@code KHUR_REALM_APPLY_ALLOW_DEFAULTS=true}): a development or
 * test realm. Credentials from the environment: {@code KHUR_ADMIN_CLIENT_ID} + {@code KHUR_ADMIN_CLIENT_SECRET} (a
 * master-realm service account; production) or {@code KHUR_ADMIN_USERNAME} + {@code KHUR_ADMIN_PASSWORD}.
 * Exit status: 0 done (or nothing to do), 3 refused (another version of ours; the reason is printed), 2 usage,
 * 1 failure (the admin API's answer is printed; running again continues from where it stopped).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean dryRun = false;
        boolean allowDefaults = "true".equalsIgnoreCase(System.getenv("KHUR_REALM_APPLY_ALLOW_DEFAULTS"));
        String server = env("KHUR_KEYCLOAK_URL", "http://localhost:8080");
        String file = env("KHUR_REALM_FILE", "realm-config/khur-realm.json");
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--allow-defaults" -> allowDefaults = true;
                case "--server" -> server = rest.isEmpty() ? null : rest.removeFirst();
                case "--file" -> file = rest.isEmpty() ? null : rest.removeFirst();
                default -> {
                    System.err.println("realm-apply: unknown argument " + arg
                            + "\nusage: realm-apply [--dry-run] [--allow-defaults] [--server URL] [--file realm.json]");
                    return 2;
                }
            }
        }
        if (server == null || file == null) {
            System.err.println("realm-apply: --server and --file need a value");
            return 2;
        }
        AdminRest.Credentials credentials;
        if (System.getenv("KHUR_ADMIN_CLIENT_ID") != null) {
            if (env("KHUR_ADMIN_CLIENT_SECRET", "").isEmpty()) {
                System.err.println("realm-apply: KHUR_ADMIN_CLIENT_SECRET is empty (the Secret khur-realm-apply lacks "
                        + "client-secret?): refusing to try the service account without one");
                return 2;
            }
            credentials = new AdminRest.ClientCredentials(System.getenv("KHUR_ADMIN_CLIENT_ID"), env("KHUR_ADMIN_CLIENT_SECRET", ""));
        } else if (System.getenv("KHUR_ADMIN_USERNAME") != null) {
            credentials = new AdminRest.AdminPassword(System.getenv("KHUR_ADMIN_USERNAME"), env("KHUR_ADMIN_PASSWORD", ""));
        } else {
            System.err.println("realm-apply: set KHUR_ADMIN_CLIENT_ID/KHUR_ADMIN_CLIENT_SECRET (service account of the "
                    + "master realm with the realm's admin role) or KHUR_ADMIN_USERNAME/KHUR_ADMIN_PASSWORD");
            return 2;
        }
        try {
            RealmConfigFile config = RealmConfigFile.read(Path.of(file));
            if (!config.defaultedPlaceholders().isEmpty() && !allowDefaults) {
                // realm-config's defaults are development values; the deployment's live in the admin console and in
                // the Secret the import read: applying defaults would overwrite them (the pairwise salt: every sub)
                System.err.println("realm-apply: REFUSED: " + config.defaultedPlaceholders().size() + " placeholder(s) of "
                        + file + " have no variable in this environment and would resolve to realm-config's development "
                        + "defaults, overwriting the deployment's values: " + String.join(", ", config.defaultedPlaceholders())
                        + ". Give the Job the same values as Keycloak's import (the Secret khur-realm-values, "
                        + "docs/OPERATIONS.md), or pass --allow-defaults for a development or test realm.");
                return 3;
            }
            if (!config.defaultedPlaceholders().isEmpty()) {
                System.out.println("realm-apply: --allow-defaults: " + config.defaultedPlaceholders().size()
                        + " placeholder(s) resolve to realm-config's development defaults");
            }
            AdminRest admin = new AdminRest(server, config.name(), credentials);
            RealmApplier.Outcome outcome = new RealmApplier(admin, config, System.out).run(dryRun);
            if (outcome instanceof RealmApplier.Refused refused) {
                System.err.println("realm-apply: REFUSED: " + refused.reason());
                return 3;
            }
            return 0;
        } catch (Exception e) {
            System.err.println("realm-apply: FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

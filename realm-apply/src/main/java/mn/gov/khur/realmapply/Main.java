package mn.gov.khur.realmapply;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code realm-apply [--dry-run] [--server URL] [--file realm-config/khur-realm.json]}: brings the running realm to
 * the file. Credentials from the environment: {@code KHUR_ADMIN_CLIENT_ID} + {@code KHUR_ADMIN_CLIENT_SECRET} (a
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
        String server = env("KHUR_KEYCLOAK_URL", "http://localhost:8080");
        String file = env("KHUR_REALM_FILE", "realm-config/khur-realm.json");
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--server" -> server = rest.isEmpty() ? null : rest.removeFirst();
                case "--file" -> file = rest.isEmpty() ? null : rest.removeFirst();
                default -> {
                    System.err.println("realm-apply: unknown argument " + arg
                            + "\nusage: realm-apply [--dry-run] [--server URL] [--file realm.json]");
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

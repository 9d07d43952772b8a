package mn.gov.khur.realmapply;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brings one live realm to realm-config, kind by kind, in the order the kinds depend on each other: client scopes
 * (clients name them), flows (the realm, clients and banks bind them), clients and roles, identity providers,
 * components, user profile, required actions, the realm's localization texts, realm settings (with client policies and
 * profiles), and last the version stamp. Each kind is read from
 * the server just before it is planned, so a run after a partial failure picks up where it stopped. Users,
 * their credentials, sessions, consents and bank links are never read or written.
 */
public final class RealmApplier {

    /** What a run ended with. */
    public sealed interface Outcome permits Applied, Refused {
    }

    /** @param changes differences found (and, unless a dry run, removed) */
    public record Applied(int changes, boolean dryRun) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    private final AdminRest rest;
    private final RealmConfigFile file;
    private final PrintStream out;

    public RealmApplier(AdminRest rest, RealmConfigFile file, PrintStream out) {
        this.rest = rest;
        this.file = file;
        this.out = out;
    }

    public Outcome run(boolean dryRun) {
        Optional<JsonNode> live = rest.find("");
        if (live.isEmpty()) {
            out.println("+ realm '" + file.name() + "': create from realm-config (version " + file.version() + ")");
            if (!dryRun) {
                rest.createRealm(file.realm());
            }
            return new Applied(1, dryRun);
        }
        ConfigVersionGuard.Verdict verdict = ConfigVersionGuard.check(file, live.get());
        if (verdict instanceof ConfigVersionGuard.Refuse refuse) {
            return new Refused(refuse.reason());
        }
        out.println(((ConfigVersionGuard.Proceed) verdict).reason());
        JsonNode realm = file.realm();
        List<Reconciler> kinds = List.of(new ClientScopes(rest, realm), new Flows(rest, realm), new Clients(rest, realm),
                new IdentityProviders(rest, realm), new Components(rest, realm), new UserProfile(rest, realm),
                new RequiredActions(rest, realm), new LocalizationTexts(rest, realm), new RealmSettings(rest, realm),
                new VersionStamp(rest, file));
        int count = 0;
        for (Reconciler kind : kinds) {
            for (Change change : kind.plan()) {
                out.println(change.describe());
                count++;
                if (!dryRun) {
                    change.action().apply();
                }
            }
        }
        if (count == 0) {
            out.println("realm '" + file.name() + "' equals realm-config (version " + file.version() + "): nothing to do");
        } else {
            out.println(dryRun ? count + " difference(s); dry run: nothing changed"
                    : count + " change(s) applied; realm '" + file.name() + "' is at realm-config version " + file.version());
        }
        return new Applied(count, dryRun);
    }
}

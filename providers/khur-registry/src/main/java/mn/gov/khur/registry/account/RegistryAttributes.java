package mn.gov.khur.registry.account;

/**
 * User attributes the registry data lives in. The names, birth date and gender go into Keycloak's own
 * {@code firstName}/{@code lastName} and the contract's {@code birthdate}/{@code gender}, so the {@code profile}
 * scope's standard mappers carry them; the rest is declared read-only (nobody edits it through an API) or kept
 * unmanaged (operators see it, citizens don't).
 */
public final class RegistryAttributes {

    /** ургийн овог, read-only, shown to the citizen. */
    public static final String CLAN_NAME = "clan_name";
    /** When the stored names came from the registry (ISO-8601 instant), read-only. */
    public static final String VERIFIED_AT = "registry_verified_at";
    /** Which registry answer they came from (service and the registry's request id), read-only. */
    public static final String SOURCE = "registry_source";
    /** Digest of exactly what the registry said; the verified claim holds only while the stored values still match. */
    public static final String DIGEST = "registry_digest";

    /** Retry state of a fetch that did not happen (unmanaged: operators only). */
    public static final String STATE = "khur_registry_state";
    public static final String ATTEMPTS = "khur_registry_attempts";
    public static final String NEXT_ATTEMPT = "khur_registry_next_attempt";
    public static final String LAST_OUTCOME = "khur_registry_last_outcome";

    private RegistryAttributes() {
    }
}

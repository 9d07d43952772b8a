package mn.gov.khur.registry;

/** The registry's answer to "the ID-card data of this register number, with this approval". */
public sealed interface RegistryLookup {

    /** The registry holds the person and sent the data. */
    record Found(RegistryRecord record) implements RegistryLookup {
    }

    /** The registry holds no such register number (its not-found result codes). */
    record NotFound(int resultCode) implements RegistryLookup {
    }

    /** The registry did not accept the citizen's approval (a wrong or expired code, or the citizen declined). */
    record ConsentRefused(int resultCode) implements RegistryLookup {
    }

    /**
     * No usable answer: unreachable, timed out, an HTTP error or SOAP fault, an unknown result code, a body that
     * is not the expected answer. Never read as "not found": the fetch is tried again later.
     */
    record Unavailable(String reason) implements RegistryLookup {
    }
}

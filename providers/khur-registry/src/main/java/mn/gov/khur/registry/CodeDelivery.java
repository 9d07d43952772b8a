package mn.gov.khur.registry;

/** The registry's answer to "send this citizen your one-time code for our request" ({@code WS100008_registerOTPRequest}). */
public sealed interface CodeDelivery {

    /**
     * The registry sent the code. {@code timestamp} is the signed timestamp of that request: the data call that
     * carries the code is signed with it again, as the registry's example client does.
     */
    record Sent(long timestamp) implements CodeDelivery {
    }

    /** The registry holds no such register number. */
    record NotFound(int resultCode) implements CodeDelivery {
    }

    /** No usable answer (see {@link RegistryLookup.Unavailable}). */
    record Unavailable(String reason) implements CodeDelivery {
    }
}

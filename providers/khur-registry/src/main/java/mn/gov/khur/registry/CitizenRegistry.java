package mn.gov.khur.registry;

import java.util.Optional;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;

import org.keycloak.provider.Provider;

/**
 * The state registry as the source of a citizen's names, birth date and gender (SPI {@value CitizenRegistrySpi#NAME}).
 * Every method answers; none throws for what the registry does or fails to do.
 */
public interface CitizenRegistry extends Provider {

    /** False when no endpoint is configured: callers skip the registry and keep no retry. */
    boolean configured();

    /**
     * Asks the registry to send the citizen its one-time code approving our fetch of the ID-card data: by SMS to
     * {@code phone} when given (the phone our own checks proved to be in the citizen's name), otherwise to the phone
     * the citizen registered with the state.
     */
    CodeDelivery sendOneTimeCode(RegisterNumber registerNumber, Optional<MongolianMobileNumber> phone);

    /** The ID-card data of {@code registerNumber}, with the citizen's approval. */
    RegistryLookup fetch(RegisterNumber registerNumber, Approval approval);

    /** Whether the registry answers a signed call of ours at all (no citizen data): the retry task's probe. */
    boolean reachable();

    @Override
    default void close() {
    }
}

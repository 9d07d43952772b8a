package mn.gov.khur.bank;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the realm configuration says about one bank (identity-provider config keys): whether it is
 * contracted to assert a verified register number, and which of its {@code acr} values we accept.
 * Secure by default: a bank without the flag cannot log anyone in.
 */
public record BankTrust(boolean assertsVerifiedRegisterNumber, Set<String> acceptedAcr) {

    public static final String ASSERTS_REGISTER_NUMBER = "khurAssertsVerifiedRegisterNumber";
    /** Space- or comma-separated; empty means the bank's acr is not checked. */
    public static final String ACCEPTED_ACR = "khurAcceptedAcr";

    public static BankTrust from(Map<String, String> identityProviderConfig) {
        Map<String, String> config = identityProviderConfig == null ? Map.of() : identityProviderConfig;
        boolean asserts = "true".equalsIgnoreCase(config.getOrDefault(ASSERTS_REGISTER_NUMBER, "").trim());
        Set<String> acr = Arrays.stream(config.getOrDefault(ACCEPTED_ACR, "").split("[\\s,]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new BankTrust(asserts, acr);
    }
}

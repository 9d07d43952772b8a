package mn.gov.khur.bank;

import java.util.Optional;

import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Reads a {@link BankAssertion} and the relying party's requested level from Keycloak's broker state. */
final class BrokeredAssertions {

    private BrokeredAssertions() {
    }

    static BankAssertion read(BrokeredIdentityContext context) {
        Object rn = context.getContextData().get(Constants.USER_ATTRIBUTES_PREFIX + CitizenAttributes.REGISTER_NUMBER);
        // re-parse: the attribute is ours, but a mapper misconfiguration must not bypass validation
        Optional<RegisterNumber> registerNumber = RegisterNumberClaim.read(rn).registerNumber();
        RegisterNumberProblem problem = registerNumber.isPresent() ? RegisterNumberProblem.NONE
                : problem(context.getContextData().get(BankNotes.REGISTER_NUMBER_PROBLEM));
        Object acr = context.getContextData().get(BankNotes.BANK_ACR);
        return new BankAssertion(context.getIdpConfig().getAlias(), context.getId(), registerNumber, problem,
                acr instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty());
    }

    private static RegisterNumberProblem problem(Object note) {
        // no note at all means no register-number mapper ran for this bank: treat as missing
        return RegisterNumberProblem.INVALID.name().equals(note) ? RegisterNumberProblem.INVALID : RegisterNumberProblem.MISSING;
    }

    /** The level the client asked for with acr_values/claims, or -1. */
    static int requestedLevel(AuthenticationSessionModel authSession) {
        String requested = authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
        try {
            return requested == null ? Constants.NO_LOA : Integer.parseInt(requested.trim());
        } catch (NumberFormatException e) {
            return Constants.NO_LOA;
        }
    }
}

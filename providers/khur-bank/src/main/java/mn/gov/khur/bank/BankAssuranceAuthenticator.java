package mn.gov.khur.bank;

import java.util.Optional;

import mn.gov.khur.common.privacy.Masking;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.assurance.AuthenticationMethods;
import mn.gov.khur.identity.flow.FlowStep;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Post-broker-login step of every bank login (first and later): re-checks the bank's assertion,
 * requires that the account's register number is the one the bank asserted this time, and records
 * the assurance of the login: amr ["bank"], level of authentication substantial.
 */
public final class BankAssuranceAuthenticator implements FlowStep {

    private static final Logger LOG = Logger.getLogger(BankAssuranceAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                authSession, PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        UserModel user = context.getUser();
        if (serialized == null || user == null) {
            context.failure(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR); // not reached through a bank
            return;
        }
        BrokeredIdentityContext brokerContext = serialized.deserialize(context.getSession(), authSession);
        BankAssertion assertion = BrokeredAssertions.read(brokerContext);
        Optional<BankRefusal> refusal = assertion.refusal(BankTrust.from(brokerContext.getIdpConfig().getConfig()),
                BrokeredAssertions.requestedLevel(authSession));
        if (refusal.isEmpty() && !assertion.registerNumber().map(RegisterNumber::value)
                .equals(Optional.ofNullable(user.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER)))) {
            refusal = Optional.of(BankRefusal.REGISTER_NUMBER_MISMATCH); // the bank now asserts someone else
        }
        if (refusal.isPresent()) {
            LOG.infof("bank login refused: bank=%s user=%s reason=%s rn=%s", assertion.bankAlias(), user.getId(), refusal.get(),
                    Masking.maskRegisterNumber(assertion.registerNumber().map(RegisterNumber::value).orElse(null)));
            context.getEvent().user(user).detail(Details.IDENTITY_PROVIDER, assertion.bankAlias()).error(refusal.get().eventError());
            context.failureChallenge(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR, BankRefusalPage.render(context, refusal.get()));
            return;
        }
        AuthenticationMethods.replace(authSession, BankAssurance.AMR);
        authSession.setAuthNote(Constants.LEVEL_OF_AUTHENTICATION, String.valueOf(BankAssurance.LEVEL_OF_AUTHENTICATION));
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}

package mn.gov.khur.bank;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import mn.gov.khur.common.privacy.Masking;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * First login with a bank identity not yet linked to any account (product decision, threat model
 * §3): link it to the citizen with the same register number, or register a new citizen with what
 * the bank sent. Never by e-mail or username alone, never to an account already linked to another
 * identity of the same bank, never to an account with another register number.
 */
public final class BankFirstLoginAuthenticator extends AbstractIdpAuthenticator {

    /** Keycloak's note: the account was created in this flow (REGISTER event instead of link). */
    static final String BROKER_REGISTERED_NEW_USER = "BROKER_REGISTERED_NEW_USER";
    private static final Logger LOG = Logger.getLogger(BankFirstLoginAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        BankAssertion assertion = BrokeredAssertions.read(brokerContext);
        Optional<BankRefusal> refusal = assertion.refusal(BankTrust.from(brokerContext.getIdpConfig().getConfig()),
                BrokeredAssertions.requestedLevel(context.getAuthenticationSession()));
        if (refusal.isPresent()) {
            refuse(context, assertion, refusal.get());
            return;
        }
        RegisterNumber registerNumber = assertion.registerNumber().orElseThrow();
        List<UserModel> holders = citizensWith(context.getSession(), context.getRealm(), registerNumber);
        if (holders.size() > 1) {
            refuse(context, assertion, BankRefusal.REGISTER_NUMBER_MISMATCH); // inconsistent data: attach to none
        } else if (holders.size() == 1) {
            link(context, assertion, registerNumber, holders.get(0));
        } else {
            register(context, assertion, registerNumber, brokerContext);
        }
    }

    private void link(AuthenticationFlowContext context, BankAssertion assertion, RegisterNumber registerNumber, UserModel citizen) {
        if (!registerNumber.value().equals(citizen.getFirstAttribute(CitizenAttributes.REGISTER_NUMBER))) {
            // found by username only: its register number differs or is missing
            refuse(context, assertion, BankRefusal.REGISTER_NUMBER_MISMATCH);
            return;
        }
        if (context.getSession().users().getFederatedIdentity(context.getRealm(), citizen, assertion.bankAlias()) != null) {
            // this flow runs only for an unknown (bank, subject): an existing link is another subject
            refuse(context, assertion, BankRefusal.ACCOUNT_LINKED_TO_OTHER_BANK_IDENTITY);
            return;
        }
        LOG.infof("bank link: bank=%s user=%s rn=%s (same verified register number)", assertion.bankAlias(), citizen.getId(),
                Masking.maskRegisterNumber(registerNumber.value()));
        context.setUser(citizen);
        context.success(); // Keycloak stores the (bank, subject) link and sends FEDERATED_IDENTITY_LINK
    }

    private void register(AuthenticationFlowContext context, BankAssertion assertion, RegisterNumber registerNumber,
                          BrokeredIdentityContext brokerContext) {
        Map<String, List<String>> attributes = new java.util.HashMap<>();
        attributes.put(UserModel.USERNAME, List.of(registerNumber.username()));
        attributes.put(CitizenAttributes.REGISTER_NUMBER, List.of(registerNumber.value()));
        attributes.put(CitizenAttributes.BIRTHDATE, List.of(registerNumber.birthDate().toString()));
        attributes.put(CitizenAttributes.GENDER, List.of(registerNumber.gender().name().toLowerCase(java.util.Locale.ROOT)));
        putName(attributes, UserModel.FIRST_NAME, brokerContext.getFirstName());
        putName(attributes, UserModel.LAST_NAME, brokerContext.getLastName());
        UserModel citizen;
        try {
            // the admin context: the system creates the account on the bank's assertion (register_number is admin-only)
            citizen = context.getSession().getProvider(UserProfileProvider.class)
                    .create(UserProfileContext.USER_API, attributes).create();
        } catch (ValidationException e) {
            LOG.infof("bank registration rejected: bank=%s rn=%s errors=%s", assertion.bankAlias(),
                    Masking.maskRegisterNumber(registerNumber.value()), e.getErrors().stream().map(err -> err.getMessage()).toList());
            refuse(context, assertion, BankRefusal.PROFILE_REJECTED);
            return;
        } catch (ModelDuplicateException e) {
            refuse(context, assertion, BankRefusal.REGISTER_NUMBER_MISMATCH); // registered concurrently: retry links
            return;
        }
        citizen.setEnabled(true);
        LOG.infof("bank registration: bank=%s user=%s rn=%s", assertion.bankAlias(), citizen.getId(),
                Masking.maskRegisterNumber(registerNumber.value()));
        context.setUser(citizen);
        context.getAuthenticationSession().setAuthNote(BROKER_REGISTERED_NEW_USER, "true");
        context.success();
    }

    private static void putName(Map<String, List<String>> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, List.of(value.strip()));
        }
    }

    static List<UserModel> citizensWith(KeycloakSession session, RealmModel realm, RegisterNumber registerNumber) {
        Stream<UserModel> byAttribute = session.users()
                .searchForUserByUserAttributeStream(realm, CitizenAttributes.REGISTER_NUMBER, registerNumber.value());
        UserModel byUsername = session.users().getUserByUsername(realm, registerNumber.username());
        return Stream.concat(byAttribute, Stream.ofNullable(byUsername))
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toMap(UserModel::getId, u -> u, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    private void refuse(AuthenticationFlowContext context, BankAssertion assertion, BankRefusal refusal) {
        LOG.infof("bank login refused: bank=%s reason=%s rn=%s", assertion.bankAlias(), refusal,
                Masking.maskRegisterNumber(assertion.registerNumber().map(RegisterNumber::value).orElse(null)));
        context.getEvent().detail(Details.IDENTITY_PROVIDER, assertion.bankAlias())
                .detail(Details.IDENTITY_PROVIDER_USERNAME, assertion.bankSubject())
                .user(context.getUser()).error(refusal.eventError());
        context.failureChallenge(AuthenticationFlowError.IDENTITY_PROVIDER_ERROR, BankRefusalPage.render(context, refusal));
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext); // no form of our own: a POST just re-checks
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}

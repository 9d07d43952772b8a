package mn.gov.khur.bank;

import java.util.List;

import mn.gov.khur.common.privacy.Masking;
import mn.gov.khur.identity.profile.CitizenAttributes;

import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.KeycloakOIDCIdentityProviderFactory;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.oidc.mappers.AbstractClaimMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

/**
 * Identity-provider mapper for banks: reads the register number from a configurable claim of the
 * bank's signed ID token and normalises it. It never fails the login itself (a mapper cannot show a
 * page); it leaves either the canonical number or the reason there is none, and the bank login
 * steps refuse the login. It never writes to an existing account: the number is read-only. It also clears a
 * temporary brute-force lock of the linked account for a bank login that will pass ({@link BankLoginLockout}).
 */
public final class RegisterNumberMapper extends AbstractClaimMapper {

    public static final String PROVIDER_ID = "khur-bank-register-number";
    public static final String DEFAULT_CLAIM = "register_number";
    private static final Logger LOG = Logger.getLogger(RegisterNumberMapper.class);
    private static final String[] COMPATIBLE = {OIDCIdentityProviderFactory.PROVIDER_ID,
            KeycloakOIDCIdentityProviderFactory.PROVIDER_ID};

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        ProviderConfigProperty claim = new ProviderConfigProperty();
        claim.setName(CLAIM);
        claim.setLabel("Register-number claim");
        claim.setHelpText("Claim of the bank's ID token that holds the citizen's register number (default register_number). "
                + "Nested claims use dots, e.g. customer.register_number.");
        claim.setType(ProviderConfigProperty.STRING_TYPE);
        claim.setDefaultValue(DEFAULT_CLAIM);
        CONFIG = List.of(claim);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute Importer";
    }

    @Override
    public String getDisplayType() {
        return "ХУР bank register number";
    }

    @Override
    public String getHelpText() {
        return "Normalises the register number asserted by a contracted bank (регистрийн дугаар); "
                + "a missing or invalid number ends the bank login.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                            BrokeredIdentityContext context) {
        String claim = claimName(mapperModel);
        RegisterNumberClaim.Outcome outcome = RegisterNumberClaim.read(claimValue(context, claim));
        String attributeKey = org.keycloak.models.Constants.USER_ATTRIBUTES_PREFIX + CitizenAttributes.REGISTER_NUMBER;
        if (outcome.isValid()) {
            context.setUserAttribute(CitizenAttributes.REGISTER_NUMBER, outcome.registerNumber().get().value());
            context.getContextData().remove(BankNotes.REGISTER_NUMBER_PROBLEM);
        } else {
            context.getContextData().remove(attributeKey);
            context.getContextData().put(BankNotes.REGISTER_NUMBER_PROBLEM, outcome.problem().name());
            LOG.infof("bank %s sent no usable register number (%s, claim %s): %s", context.getIdpConfig().getAlias(),
                    outcome.problem(), claim, Masking.maskRegisterNumber(String.valueOf(claimValue(context, claim))));
        }
        bankAcr(context).ifPresent(acr -> context.getContextData().put(BankNotes.BANK_ACR, acr));
        BankLoginLockout.clearForLinkedAccount(session, realm, context);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                              BrokeredIdentityContext context) {
        // the account was created by the first-login step with the validated number
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                                   BrokeredIdentityContext context) {
        // never overwrite a citizen's register number from a bank
    }

    private static String claimName(IdentityProviderMapperModel mapperModel) {
        String configured = mapperModel.getConfig() == null ? null : mapperModel.getConfig().get(CLAIM);
        return configured == null || configured.isBlank() ? DEFAULT_CLAIM : configured.trim();
    }

    private static Object claimValue(BrokeredIdentityContext context, String claim) {
        try {
            return getClaimValue(context, claim);
        } catch (RuntimeException malformed) {
            return null; // an odd token shape is "no register number", never a server error
        }
    }

    private static java.util.Optional<String> bankAcr(BrokeredIdentityContext context) {
        Object token = context.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
        if (token instanceof IDToken idToken && idToken.getAcr() != null) {
            return java.util.Optional.of(idToken.getAcr());
        }
        if (token instanceof JsonWebToken jwt && jwt.getOtherClaims().get("acr") instanceof String acr) {
            return java.util.Optional.of(acr);
        }
        return java.util.Optional.empty();
    }
}

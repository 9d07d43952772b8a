package mn.gov.khur.registry.claims;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import mn.gov.khur.registry.account.RegistryAttributes;
import mn.gov.khur.registry.account.VerifiedNames;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code registry_verified} (boolean, always present) and, when true, {@code registry_verified_at} (Unix seconds):
 * whether {@code given_name}, {@code family_name}, {@code birthdate} (and {@code clan_name}) are exactly what the
 * state registry said. False for names a bank sent or an operator typed, and from the moment an operator changes a
 * registry name.
 */
public final class RegistryVerifiedMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "khur-registry-verified-mapper";
    public static final String CLAIM = "registry_verified";
    public static final String CLAIM_AT = "registry_verified_at";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, RegistryVerifiedMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "ХУР registry-verified names";
    }

    @Override
    public String getHelpText() {
        return "Adds registry_verified (and registry_verified_at): the names and birth date are the state registry's. "
                + "Нэр, төрсөн огноо улсын бүртгэлээс баталгаажсан эсэхийг registry_verified claim болгон нэмнэ.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        UserModel user = userSession.getUser();
        boolean verified = VerifiedNames.holdFor(user);
        token.getOtherClaims().put(CLAIM, verified);
        if (verified) {
            try {
                token.getOtherClaims().put(CLAIM_AT, Instant.parse(user.getFirstAttribute(RegistryAttributes.VERIFIED_AT)).getEpochSecond());
            } catch (DateTimeParseException | NullPointerException e) {
                // the digest holds but the time is unreadable: the claim stays, without a time
            }
        }
    }
}

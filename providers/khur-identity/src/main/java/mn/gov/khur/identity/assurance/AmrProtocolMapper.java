package mn.gov.khur.identity.assurance;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
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
 * Emits the {@code amr} claim (a JSON array) from the methods our login steps recorded in the
 * user session. Keycloak's own AMR mapper derives values from execution config instead, which
 * cannot express the per-method values of the contract (e.g. {@code esign_token}).
 */
public final class AmrProtocolMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "khur-amr-mapper";
    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AmrProtocolMapper.class);
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
        return "ХУР amr (authentication methods)";
    }

    @Override
    public String getHelpText() {
        return "Adds the amr claim: the authentication methods used in this session (RFC 8176 values plus ХУР's own). "
                + "Энэ сессид ашигласан нэвтрэлтийн аргуудыг amr claim болгон нэмнэ.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        List<String> amr = AuthenticationMethods.parse(userSession.getNote(AuthenticationMethods.USER_SESSION_NOTE));
        if (!amr.isEmpty()) {
            token.getOtherClaims().put("amr", amr);
        }
    }
}

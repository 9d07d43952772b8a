package mn.gov.khur.identity.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AdminClientRegisterContext;

/** The executors that act when a client is saved, on the representation the admin API received. */
class ClientSaveExecutorsTest {

    private final ExactRedirectUrisExecutor exactRedirectUris = new ExactRedirectUrisExecutor();
    private final Fapi2SignatureAlgorithmsExecutor fapi2Signatures = new Fapi2SignatureAlgorithmsExecutor();
    private final SamlSiteDefaultsExecutor samlDefaults = new SamlSiteDefaultsExecutor();

    private static AdminClientRegisterContext register(ClientRepresentation client) {
        return new AdminClientRegisterContext(client, null);
    }

    private static ClientRepresentation oidc(Map<String, String> attributes, List<String> redirectUris) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("site");
        client.setProtocol("openid-connect");
        client.setAttributes(new HashMap<>(attributes));
        client.setRedirectUris(redirectUris);
        return client;
    }

    private static ClientRepresentation samlImport(Map<String, String> attributes, List<ProtocolMapperRepresentation> mappers) {
        ClientRepresentation client = oidc(attributes, List.of("https://old.gov.mn/mellon/postResponse"));
        client.setProtocol("saml");
        client.setProtocolMappers(mappers);
        return client;
    }

    @Test
    void exactRedirectUrisRefusesAWildcardRedirectUri() {
        ClientRepresentation client = oidc(Map.of(), List.of("https://tax.gov.mn/callback", "https://tax.gov.mn/*"));

        assertThatThrownBy(() -> exactRedirectUris.executeOnEvent(register(client)))
                .isInstanceOf(ClientPolicyException.class).hasMessageContaining("invalid_client_metadata");
    }

    @Test
    void exactRedirectUrisRefusesAWildcardPostLogoutUri() {
        ClientRepresentation client = oidc(Map.of("post.logout.redirect.uris", "https://tax.gov.mn/##https://tax.gov.mn/*"),
                List.of("https://tax.gov.mn/callback"));

        assertThatThrownBy(() -> exactRedirectUris.executeOnEvent(register(client))).isInstanceOf(ClientPolicyException.class);
    }

    @Test
    void exactRedirectUrisLetsExactUrisAndThePlusShorthandPass() throws ClientPolicyException {
        ClientRepresentation client = oidc(Map.of("post.logout.redirect.uris", "+"), List.of("https://tax.gov.mn/callback"));

        exactRedirectUris.executeOnEvent(register(client));

        assertThat(client.getRedirectUris()).containsExactly("https://tax.gov.mn/callback");
    }

    @Test
    void fapi2TokensArePs256UnlessChosenAndUserinfoStaysUnsigned() throws ClientPolicyException {
        ClientRepresentation client = oidc(Map.of("token.endpoint.auth.signing.alg", "ES256"), List.of());

        fapi2Signatures.executeOnEvent(register(client));

        assertThat(client.getAttributes())
                .containsEntry("id.token.signed.response.alg", "PS256")
                .containsEntry("access.token.signed.response.alg", "PS256")
                .containsEntry("token.endpoint.auth.signing.alg", "ES256")
                .doesNotContainKey("user.info.response.signature.alg");
    }

    @Test
    void fapi2RefusesRs256WhereverItIsNamed() {
        for (String attribute : List.of("id.token.signed.response.alg", "token.endpoint.auth.signing.alg",
                "user.info.response.signature.alg")) {
            ClientRepresentation client = oidc(Map.of(attribute, "RS256"), List.of());
            assertThatThrownBy(() -> fapi2Signatures.executeOnEvent(register(client))).as(attribute)
                    .isInstanceOfSatisfying(ClientPolicyException.class,
                            refused -> assertThat(refused.getErrorDetail()).contains(attribute));
        }
    }

    @Test
    void anSpAskingForEncryptionGetsAlgorithmsLassoDecryptsAndTheContractsAttributes() {
        ClientRepresentation client = samlImport(Map.of("saml.encrypt", "true"), null);

        samlDefaults.executeOnEvent(register(client));

        assertThat(client.getAttributes())
                .containsEntry("saml.encryption.algorithm", "http://www.w3.org/2001/04/xmlenc#aes128-cbc")
                .containsEntry("saml.encryption.keyAlgorithm", "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p")
                .containsEntry("saml.encryption.digestMethod", "http://www.w3.org/2000/09/xmldsig#sha1")
                .containsEntry("saml_name_id_format", "persistent");
        assertThat(client.getProtocolMappers()).extracting(mapper -> mapper.getConfig().get("attribute.name"))
                .containsExactlyInAnyOrder("register_number", "given_name", "family_name");
    }

    @Test
    void whatTheSamlMetadataOrTheOperatorChoseIsKept() {
        ProtocolMapperRepresentation requested = new ProtocolMapperRepresentation();
        requested.setConfig(new HashMap<>(Map.of("attribute.name", "register_number", "friendly.name", "regnum")));
        ClientRepresentation client = samlImport(Map.of("saml.encrypt", "true",
                "saml.encryption.algorithm", "http://www.w3.org/2009/xmlenc11#aes256-gcm", "saml_name_id_format", "transient"),
                new ArrayList<>(List.of(requested)));

        samlDefaults.executeOnEvent(register(client));

        assertThat(client.getAttributes())
                .containsEntry("saml.encryption.algorithm", "http://www.w3.org/2009/xmlenc11#aes256-gcm")
                .containsEntry("saml_name_id_format", "transient");
        assertThat(client.getProtocolMappers())
                .filteredOn(mapper -> "register_number".equals(mapper.getConfig().get("attribute.name")))
                .containsExactly(requested);
    }

    @Test
    void anSpWithoutEncryptionGetsNoEncryptionSettings() {
        ClientRepresentation client = samlImport(Map.of(), null);

        samlDefaults.executeOnEvent(register(client));

        assertThat(client.getAttributes()).doesNotContainKeys("saml.encryption.algorithm", "saml.encryption.keyAlgorithm");
    }
}

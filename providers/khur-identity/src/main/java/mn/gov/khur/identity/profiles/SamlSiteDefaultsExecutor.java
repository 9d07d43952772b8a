package mn.gov.khur.identity.profiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * A SAML site created from its metadata ("Import client", the admin API's client-description converter) works without
 * further settings:
 * <ul>
 *   <li>When it asks for encrypted assertions (an encryption key in its metadata), the encryption uses algorithms the
 *   common SP stacks decrypt. Keycloak 26.7.3's defaults (AES-256-GCM with RSA-OAEP from XML Encryption 1.1) are
 *   refused by Lasso ({@code mod_auth_mellon}: "Creation of an encrypted node failed") and older Shibboleth,
 *   SimpleSAMLphp and pysaml2 setups; XML Encryption 1.0's RSA-OAEP-MGF1P key transport with AES-128-CBC is decrypted
 *   by all of them. An operator can choose other values on the executor, or on the client (Keys tab) afterwards.</li>
 *   <li>The NameID is {@code persistent} (opaque, per site) unless the metadata named a format: Keycloak's default
 *   would be the username, which is the citizen's register number.</li>
 *   <li>The contract's attributes ({@code register_number}, {@code given_name}, {@code family_name}) are mapped, as on
 *   {@code demo-saml-sp}, unless the metadata already requested an attribute of that name.</li>
 * </ul>
 * Only values the representation lacks are filled in, and only when the client is created: an operator's later
 * choice is never overwritten.
 */
final class SamlSiteDefaultsExecutor implements ClientPolicyExecutorProvider<SamlSiteDefaultsExecutor.Configuration> {

    static final String ENCRYPT = "saml.encrypt";
    static final String DATA_ALGORITHM = "saml.encryption.algorithm";
    static final String KEY_ALGORITHM = "saml.encryption.keyAlgorithm";
    static final String DIGEST_METHOD = "saml.encryption.digestMethod";
    static final String NAME_ID_FORMAT = "saml_name_id_format";

    private Configuration configuration = new Configuration();

    @Override
    public String getProviderId() {
        return SamlSiteDefaultsExecutorFactory.PROVIDER_ID;
    }

    @Override
    public Class<Configuration> getExecutorConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public void setupConfiguration(Configuration config) {
        this.configuration = config == null ? new Configuration() : config;
    }

    /** The algorithms, as XML Encryption URIs. */
    public static final class Configuration extends ClientPolicyExecutorConfigurationRepresentation {

        @JsonProperty(SamlSiteDefaultsExecutorFactory.DATA_ALGORITHM)
        private String dataAlgorithm = SamlSiteDefaultsExecutorFactory.AES128_CBC;
        @JsonProperty(SamlSiteDefaultsExecutorFactory.KEY_ALGORITHM)
        private String keyAlgorithm = SamlSiteDefaultsExecutorFactory.RSA_OAEP_MGF1P;
        @JsonProperty(SamlSiteDefaultsExecutorFactory.DIGEST_METHOD)
        private String digestMethod = SamlSiteDefaultsExecutorFactory.SHA1;

        public String getDataAlgorithm() {
            return dataAlgorithm;
        }

        public void setDataAlgorithm(String dataAlgorithm) {
            this.dataAlgorithm = dataAlgorithm;
        }

        public String getKeyAlgorithm() {
            return keyAlgorithm;
        }

        public void setKeyAlgorithm(String keyAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
        }

        public String getDigestMethod() {
            return digestMethod;
        }

        public void setDigestMethod(String digestMethod) {
            this.digestMethod = digestMethod;
        }
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) {
        if (context.getEvent() != ClientPolicyEvent.REGISTER) {
            return;
        }
        ClientRepresentation client = ((ClientCRUDContext) context).getProposedClientRepresentation();
        if (client == null || !"saml".equals(client.getProtocol())) {
            return;
        }
        Map<String, String> attributes = client.getAttributes() == null ? new HashMap<>() : new HashMap<>(client.getAttributes());
        if ("true".equals(attributes.get(ENCRYPT))) {
            fillIfAbsent(attributes, DATA_ALGORITHM, configuration.getDataAlgorithm());
            fillIfAbsent(attributes, KEY_ALGORITHM, configuration.getKeyAlgorithm());
            fillIfAbsent(attributes, DIGEST_METHOD, configuration.getDigestMethod());
        }
        // an opaque per-site NameID unless the site asked for a format (Keycloak's default would be the username,
        // i.e. the register number)
        fillIfAbsent(attributes, NAME_ID_FORMAT, "persistent");
        client.setAttributes(attributes);
        List<ProtocolMapperRepresentation> mappers = client.getProtocolMappers() == null ? new ArrayList<>()
                : new ArrayList<>(client.getProtocolMappers());
        addIfAbsent(mappers, userAttribute("register_number", "registerNumber"));
        addIfAbsent(mappers, userProperty("given_name", "firstName", "givenName"));
        addIfAbsent(mappers, userProperty("family_name", "lastName", "familyName"));
        client.setProtocolMappers(mappers);
    }

    private static void fillIfAbsent(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank() && (attributes.get(name) == null || attributes.get(name).isBlank())) {
            attributes.put(name, value);
        }
    }

    /** A mapper the metadata already requested for that SAML attribute name wins (the converter made it). */
    private static void addIfAbsent(List<ProtocolMapperRepresentation> mappers, ProtocolMapperRepresentation mapper) {
        String attributeName = mapper.getConfig().get("attribute.name");
        boolean present = mappers.stream().anyMatch(existing -> existing.getConfig() != null
                && attributeName.equals(existing.getConfig().get("attribute.name")));
        if (!present) {
            mappers.add(mapper);
        }
    }

    private static ProtocolMapperRepresentation userAttribute(String attributeName, String friendlyName) {
        return mapper(attributeName, "saml-user-attribute-mapper", Map.of("user.attribute", attributeName,
                "attribute.name", attributeName, "attribute.nameformat", "Basic", "friendly.name", friendlyName,
                "aggregate.attrs", "false"));
    }

    private static ProtocolMapperRepresentation userProperty(String attributeName, String property, String friendlyName) {
        return mapper(attributeName, "saml-user-property-mapper", Map.of("user.attribute", property,
                "attribute.name", attributeName, "attribute.nameformat", "Basic", "friendly.name", friendlyName));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("saml");
        mapper.setProtocolMapper(type);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }
}

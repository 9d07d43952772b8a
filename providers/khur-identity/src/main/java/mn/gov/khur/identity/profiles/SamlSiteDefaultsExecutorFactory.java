package mn.gov.khur.identity.profiles;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers {@link SamlSiteDefaultsExecutor} as client-policy executor {@value #PROVIDER_ID}. */
public final class SamlSiteDefaultsExecutorFactory extends ExecutorFactory {

    public static final String PROVIDER_ID = "khur-saml-site-defaults";
    static final String DATA_ALGORITHM = "encryption-algorithm";
    static final String KEY_ALGORITHM = "key-transport-algorithm";
    static final String DIGEST_METHOD = "key-transport-digest";
    static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    public SamlSiteDefaultsExecutorFactory() {
        super(PROVIDER_ID, "When a SAML client is created (e.g. imported from its metadata), gives it assertion-encryption algorithms "
                + "that Lasso (mod_auth_mellon), Shibboleth, SimpleSAMLphp and pysaml2 decrypt, and the mappers of "
                + "register_number, given_name and family_name. Only missing values are filled in. "
                + "SAML клиент үүсгэхэд (metadata-аас импортлоход) нийтлэг SP-ууд тайлж чадах шифрлэлтийн алгоритм болон "
                + "register_number, given_name, family_name атрибутуудыг нэмнэ; байгаа утгыг өөрчлөхгүй.",
                SamlSiteDefaultsExecutor::new);
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(DATA_ALGORITHM).type(ProviderConfigProperty.STRING_TYPE).defaultValue(AES128_CBC)
                .label("Data encryption algorithm / Өгөгдөл шифрлэх алгоритм")
                .helpText("XML Encryption URI of the assertion's encryption. Өгөгдлийн шифрлэлтийн XML Encryption URI.").add()
                .property().name(KEY_ALGORITHM).type(ProviderConfigProperty.STRING_TYPE).defaultValue(RSA_OAEP_MGF1P)
                .label("Key transport algorithm / Түлхүүр дамжуулах алгоритм")
                .helpText("XML Encryption URI of the key transport to the site's certificate. Сайтын сертификатаар түлхүүр шифрлэх URI.").add()
                .property().name(DIGEST_METHOD).type(ProviderConfigProperty.STRING_TYPE).defaultValue(SHA1)
                .label("Key transport digest / Түлхүүр дамжуулах digest")
                .helpText("Digest of RSA-OAEP (SHA-1 for rsa-oaep-mgf1p). RSA-OAEP-ийн digest (rsa-oaep-mgf1p-д SHA-1).").add()
                .build();
    }
}

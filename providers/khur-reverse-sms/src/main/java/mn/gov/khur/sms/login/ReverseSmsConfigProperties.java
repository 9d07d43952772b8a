package mn.gov.khur.sms.login;

import java.util.List;

import mn.gov.khur.common.phone.ShortNumber;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings an operator sees for the reverse-SMS step in the admin console. */
public final class ReverseSmsConfigProperties {

    public static final String SHORT_NUMBER = "khur.sms.shortNumber";
    public static final String CODE_LIFETIME_SECONDS = "khur.sms.codeLifetimeSeconds";
    public static final String MAX_NEW_CODES = "khur.sms.maxNewCodes";
    public static final String LOGIN_NOTICE = "khur.sms.loginNotice";

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(SHORT_NUMBER).type(ProviderConfigProperty.STRING_TYPE)
            .label("Short number / Богино дугаар")
            .helpText("The number citizens text the code to. Иргэн кодыг илгээх богино дугаар (130092).")
            .defaultValue(ShortNumber.DEFAULT).add()
            .property().name(CODE_LIFETIME_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("Code lifetime (s) / Кодын хүчинтэй хугацаа (сек)")
            .helpText("How long a shown code can be texted, 10–600 seconds. Кодыг илгээх боломжтой хугацаа, 10–600 секунд.")
            .defaultValue(String.valueOf(ReverseSmsConfig.DEFAULT_LIFETIME.toSeconds())).add()
            .property().name(MAX_NEW_CODES).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("New codes per login / Нэг нэвтрэлтэд авах шинэ кодын тоо")
            .helpText("How many times a citizen may ask for a new code in one login; the codes shown before stay valid "
                    + "until they expire. Нэг нэвтрэлтийн үеэр шинэ код авах дээд тоо; өмнө харуулсан код хугацаа нь "
                    + "дуустал хүчинтэй.")
            .defaultValue(String.valueOf(ReverseSmsConfig.DEFAULT_MAX_NEW_CODES)).add()
            .property().name(LOGIN_NOTICE).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("Login notice by SMS / Нэвтэрсэн тухай SMS мэдэгдэл")
            .helpText("After each login by this step, text the registered phone when and from which browser; a reply "
                    + "\"0\" ends that login. Needs KHUR_SMS_OUTBOUND_URL and KHUR_SMS_OUTBOUND_SECRET. Энэ алхмаар "
                    + "нэвтэрсэн бүрт бүртгэлтэй утсанд хэзээ, ямар хөтчөөс нэвтэрснийг мэдэгдэнэ; \"0\" гэж хариулбал "
                    + "тэр нэвтрэлтийг цуцална.")
            .defaultValue("true").add()
            .build();

    private ReverseSmsConfigProperties() {
    }
}

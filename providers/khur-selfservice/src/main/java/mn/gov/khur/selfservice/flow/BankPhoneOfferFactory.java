package mn.gov.khur.selfservice.flow;

import java.util.List;
import java.util.stream.Stream;

import mn.gov.khur.identity.flow.StepFactory;
import mn.gov.khur.sms.login.ReverseSmsConfigProperties;

import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code khur-bank-add-phone}: in {@code khur bank post login}, after {@code khur-bank-assurance}: a citizen without a
 * phone is offered to add one (reverse SMS from it + phone in own name) and, if the account has none, a password.
 * Its config holds the reverse-SMS settings of that page and the SIM-swap hold, like phone change.
 */
public final class BankPhoneOfferFactory extends StepFactory {

    public static final String PROVIDER_ID = "khur-bank-add-phone";

    private static final List<ProviderConfigProperty> PROPERTIES = Stream.concat(
            ReverseSmsConfigProperties.PROPERTIES.stream()
                    .filter(property -> !property.getName().equals(ReverseSmsConfigProperties.LOGIN_NOTICE)),
            SimChangeGuardConfig.PROPERTIES.stream()).toList();

    public BankPhoneOfferFactory() {
        super(PROVIDER_ID, "ХУР after a bank login: add a phone (skippable)",
                "For a citizen without a phone (registered through a bank): offers to add a phone in their own name, "
                        + "proven by a reverse SMS from it and the phone-ownership lookup (match, no SIM change within the "
                        + "hold), and a password if the account has none; then password + SMS login works. Skippable; asked "
                        + "at every bank login until done. Банкаар нэвтэрсэн, утасны дугааргүй иргэнд өөрийн нэр дээрх "
                        + "утасны дугаар (тэр утаснаас илгээсэн SMS-ээр баталгаажуулна), нууц үггүй бол нууц үг нэмэхийг "
                        + "санал болгоно; алгасаж болно.",
                () -> new BankPhoneOffer(SelfServiceSettings.fromEnvironment()));
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }
}

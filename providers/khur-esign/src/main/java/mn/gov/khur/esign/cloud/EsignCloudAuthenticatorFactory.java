package mn.gov.khur.esign.cloud;

import mn.gov.khur.esign.push.PushMethod;
import mn.gov.khur.esign.push.PushSignatureAuthenticatorFactory;

/** Registers "Клауд тоон гарын үсэг": a GSign cloud signature, confirmed with the PIN in the GSign app. */
public final class EsignCloudAuthenticatorFactory extends PushSignatureAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-cloud";
    static final PushMethod METHOD = new PushMethod("cloud", PROVIDER_ID,
            new String[] {"esign_cloud", "swk", "pin"}, "khurEsignCloudTitle", "khurEsignCloudHint",
            model -> EsignCloudConfig.from(model).settings(),
            model -> EsignCloudConfig.from(model).service());

    public EsignCloudAuthenticatorFactory() {
        super(METHOD, "ХУР digital signature: GSign cloud / Клауд тоон гарын үсэг",
                "The citizen enters register number and phone; GSign (Smart-ID-style API, PNOMN-<RN>) asks the citizen to "
                        + "confirm the hash of a fresh server challenge with the PIN in the app (verification code on page and app); "
                        + "signature, certificate, OCSP and register number are checked (acr high). Регистрийн дугаар, утасны дугаар "
                        + "оруулж, GSign аппад ПИН кодоор баталгаажуулна.",
                EsignCloudConfig.PROPERTIES);
    }
}

package mn.gov.khur.esign.sim;

import mn.gov.khur.esign.push.PushMethod;
import mn.gov.khur.esign.push.PushSignatureAuthenticatorFactory;

/** Registers "Симд суурилсан тоон гарын үсэг": a signature by the SIM through the operator's MSSP. */
public final class EsignSimAuthenticatorFactory extends PushSignatureAuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-esign-sim";
    static final PushMethod METHOD = new PushMethod("sim", PROVIDER_ID,
            new String[] {"esign_sim", "sc"}, "khurEsignSimTitle", "khurEsignSimHint",
            model -> EsignSimConfig.from(model).settings(),
            model -> EsignSimConfig.from(model).service());

    public EsignSimAuthenticatorFactory() {
        super(METHOD, "ХУР digital signature: SIM-based (MSSP, ETSI TS 102 204) / Симд суурилсан тоон гарын үсэг",
                "The citizen enters register number and phone; the operator's MSSP asks the SIM to sign the hash of a fresh "
                        + "server challenge (verification code on page and phone); CMS, certificate, OCSP and register number are "
                        + "checked (acr high). Регистрийн дугаар, утасны дугаар оруулж, SIM картаар гарын үсэг зурна.",
                EsignSimConfig.PROPERTIES);
    }
}

package mn.gov.khur.identity.profiles;

/** Registers {@link Fapi2SignatureAlgorithmsExecutor} as client-policy executor {@value #PROVIDER_ID}. */
public final class Fapi2SignatureAlgorithmsExecutorFactory extends ExecutorFactory {

    public static final String PROVIDER_ID = "khur-fapi2-signature-algorithms";

    public Fapi2SignatureAlgorithmsExecutorFactory() {
        super(PROVIDER_ID, "When a client is saved: ID and access tokens signed with PS256 unless chosen; any signature algorithm the "
                + "client names must be PS256/384/512 or ES256/384/512 (FAPI 2.0). Userinfo stays plain JSON unless the "
                + "client asks for a signature. "
                + "Клиентийг хадгалахад: ID болон access токен PS256-аар гарын үсэг зурна; клиентийн бусад алгоритм нь "
                + "PS256/ES256 төрлийн байх ёстой (FAPI 2.0).",
                Fapi2SignatureAlgorithmsExecutor::new);
    }
}

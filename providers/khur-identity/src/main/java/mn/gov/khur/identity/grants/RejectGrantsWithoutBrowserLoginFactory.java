package mn.gov.khur.identity.grants;

import mn.gov.khur.identity.profiles.ExecutorFactory;

/** Registers {@link RejectGrantsWithoutBrowserLogin} as client-policy executor {@value #PROVIDER_ID}. */
public final class RejectGrantsWithoutBrowserLoginFactory extends ExecutorFactory {

    public static final String PROVIDER_ID = "khur-reject-grants-without-browser-login";

    public RejectGrantsWithoutBrowserLoginFactory() {
        super(PROVIDER_ID, "Refuses the device grant, CIBA and the JWT authorization grant, and switches them off when a client is "
                + "saved: they would give a citizen's tokens without the login pages' steps. "
                + "Төхөөрөмжийн (device), CIBA болон JWT authorization grant-ыг хориглоно: эдгээр нь иргэний токеныг "
                + "нэвтрэх хуудсын алхмуудгүйгээр олгох байсан.",
                RejectGrantsWithoutBrowserLogin::new);
    }
}

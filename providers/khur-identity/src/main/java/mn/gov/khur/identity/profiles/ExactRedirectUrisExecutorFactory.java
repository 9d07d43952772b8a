package mn.gov.khur.identity.profiles;

/** Registers {@link ExactRedirectUrisExecutor} as client-policy executor {@value #PROVIDER_ID}. */
public final class ExactRedirectUrisExecutorFactory extends ExecutorFactory {

    public static final String PROVIDER_ID = "khur-exact-redirect-uris";

    public ExactRedirectUrisExecutorFactory() {
        super(PROVIDER_ID, "Refuses to save a client whose redirect or post-logout redirect URIs contain a wildcard (*). "
                + "Redirect болон logout-ын дараах redirect URI-д од (*) байвал клиентийг хадгалахгүй.",
                ExactRedirectUrisExecutor::new);
    }
}

package mn.gov.khur.sms.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Metrics;

import mn.gov.khur.identity.settings.ServerSettings;
import mn.gov.khur.identity.settings.ServerSettings.Setting;
import mn.gov.khur.sms.notice.LoginNotices;
import mn.gov.khur.sms.notice.LoginNotifier;
import mn.gov.khur.sms.outbound.OutboundSmsSettings;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.common.util.Environment;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the reverse-SMS step ("Нэг удаагийн код") with Keycloak's authentication flows. */
public final class ReverseSmsAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "khur-reverse-sms";
    /** Provider option: how long a login notice can be answered with "0". */
    static final String NOTICE_TTL_HOURS = "login-notice-ttl-hours";
    private volatile LoginNotifier notifier = LoginNotifier.off();
    private volatile ReverseSmsAuthenticator authenticator = new ReverseSmsAuthenticator(Clock.systemUTC(), notifier);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getDisplayType() {
        return "ХУР reverse SMS (нэг удаагийн код)";
    }

    /**
     * {@code otp}: Keycloak's brute-force protector counts failures only for the categories
     * password, otp and recovery-authn-codes; any other category is silently ignored.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Shows a 6-digit code that the citizen texts from the registered phone to the short number; "
                + "the inbound SMS webhook completes the step. Дэлгэц дээрх 6 оронтой кодыг бүртгэлтэй утаснаас "
                + "богино дугаарт илгээж баталгаажуулна.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ReverseSmsConfigProperties.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {
        int ttlHours = ServerSettings.of(config).wholeNumber(Setting.option(NOTICE_TTL_HOURS),
                (int) LoginNotices.DEFAULT_TTL.toHours(), 1, 168);
        notifier = LoginNotifier.start(OutboundSmsSettings.from(config, System::getenv, Environment.isDevMode()),
                Duration.ofHours(ttlHours),
                Metrics.globalRegistry);
        authenticator = new ReverseSmsAuthenticator(Clock.systemUTC(), notifier);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        notifier.close();
    }
}

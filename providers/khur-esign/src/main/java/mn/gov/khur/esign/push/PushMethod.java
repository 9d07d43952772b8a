package mn.gov.khur.esign.push;

import java.util.Optional;
import java.util.function.Function;

import org.keycloak.models.AuthenticatorConfigModel;

/** One push method: its code ("sim", "cloud"), provider id, amr, page texts, and how to read its config. */
public record PushMethod(String code, String providerId, String[] amr, String titleKey, String hintKey,
                         Function<AuthenticatorConfigModel, PushSettings> settings,
                         Function<AuthenticatorConfigModel, Optional<PushSignatureService>> service) {
}

package mn.gov.khur.selfservice.flow;

import java.security.SecureRandom;
import java.time.Clock;

import mn.gov.khur.selfservice.captcha.CaptchaVerdict;
import mn.gov.khur.selfservice.captcha.ImageCaptcha;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Puts a fresh captcha on a form ({@code khurCaptcha} for {@code khur-captcha.ftl}) and checks typed answers. */
final class CaptchaGate {

    static final String FIELD = "captcha";
    static final String REFRESH = "refreshCaptcha";

    private final ImageCaptcha captcha = new ImageCaptcha(new SecureRandom(), Clock.systemUTC(), ImageCaptcha.DEFAULT_LIFETIME);
    private final boolean testMode;

    CaptchaGate(boolean testMode) {
        this.testMode = testMode;
    }

    LoginFormsProvider addTo(LoginFormsProvider form, AuthenticationSessionModel authSession) {
        ImageCaptcha.IssuedCaptcha issued = captcha.issue(notes(authSession));
        return form.setAttribute("khurCaptcha", new CaptchaBean(issued.imageDataUri(), testMode ? issued.answer() : null));
    }

    CaptchaVerdict check(AuthenticationSessionModel authSession, String typed) {
        return captcha.verify(notes(authSession), typed);
    }

    private static ImageCaptcha.Notes notes(AuthenticationSessionModel authSession) {
        return new ImageCaptcha.Notes() {
            @Override
            public String get(String name) {
                return authSession.getAuthNote(name);
            }

            @Override
            public void set(String name, String value) {
                authSession.setAuthNote(name, value);
            }

            @Override
            public void remove(String name) {
                authSession.removeAuthNote(name);
            }
        };
    }

    /** What the captcha block of a page shows. {@code testAnswer} is null unless the dev-mode test seam is on. */
    public static final class CaptchaBean {
        private final String image;
        private final String testAnswer;

        CaptchaBean(String image, String testAnswer) {
            this.image = image;
            this.testAnswer = testAnswer;
        }

        public String getImage() {
            return image;
        }

        public String getTestAnswer() {
            return testAnswer;
        }
    }
}

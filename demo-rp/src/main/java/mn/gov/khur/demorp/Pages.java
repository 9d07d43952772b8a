package mn.gov.khur.demorp;

import static mn.gov.khur.demorp.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;

import mn.gov.khur.demorp.SessionStore.SignedIn;

/** The demo site's pages. Mongolian first, English after a slash. */
final class Pages {

    private Pages() {
    }

    /** The scope of the "with phone number" variant. */
    static final String PHONE_SCOPE = "openid profile phone";

    /** The ID-token claims shown on /me, each in an element {@code id="claim-<name>"}. */
    static final List<String> SHOWN_CLAIMS = List.of("register_number", "given_name", "family_name", "birthdate",
            "phone_number", "phone_number_verified", "acr", "amr", "auth_time", "sub");

    private record ClaimLabel(String mn, String en) {
    }

    private static ClaimLabel label(String claim) {
        return switch (claim) {
            case "register_number" -> new ClaimLabel("Регистрийн дугаар", "Register number (scope openid)");
            case "given_name" -> new ClaimLabel("Нэр", "Given name (scope profile)");
            case "family_name" -> new ClaimLabel("Овог", "Family name (scope profile)");
            case "birthdate" -> new ClaimLabel("Төрсөн огноо", "Birth date (scope profile)");
            case "phone_number" -> new ClaimLabel("Утасны дугаар", "Phone number (scope phone)");
            case "phone_number_verified" -> new ClaimLabel("Утас баталгаажсан эсэх", "Phone number verified (scope phone)");
            case "acr" -> new ClaimLabel("Баталгаажуулалтын түвшин", "Assurance level: substantial or high");
            case "amr" -> new ClaimLabel("Нэвтэрсэн арга", "Authentication methods");
            case "auth_time" -> new ClaimLabel("Нэвтэрсэн цаг", "Time of login (seconds since 1970, UTC)");
            case "sub" -> new ClaimLabel("Таны ХУР дахь тогтмол дугаар", "Your stable id at ХУР");
            default -> new ClaimLabel(claim, claim);
        };
    }

    static String home(boolean signedIn) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Демо үйлчилгээ <span class=\"en\" lang=\"en\">/ Demo service</span></h1>\n");
        body.append("<p>Энэ бол иргэнийг ХУР-аар (OpenID Connect) нэвтрүүлдэг төрийн цахим үйлчилгээний жишээ.<br>\n")
                .append("<span class=\"en\" lang=\"en\">An example government site that logs citizens in with ХУР over OpenID Connect.</span></p>\n");
        if (signedIn) {
            body.append("<p id=\"signed-in\">Та нэвтэрсэн байна. <a href=\"/me\">Миний мэдээлэл</a> "
                    + "<span class=\"en\" lang=\"en\">/ You are logged in: <a href=\"/me\">your details</a></span></p>\n");
        }
        body.append("""
                <form action="/login" method="get">
                  <label><input type="checkbox" id="scope-phone" name="scope" value="%s">
                    Утасны дугаарыг бас авах <span class="en" lang="en">/ Also ask for the phone number</span>
                    <small>(scope=<code>%s</code>)</small></label>
                  <label>ХУР-ын хуудасны хэл <span class="en" lang="en">/ Language of ХУР's pages</span>
                    <select id="lang" name="lang">
                      <option value="">—</option>
                      <option value="mn">Монгол (mn)</option>
                      <option value="en">English (en)</option>
                    </select></label>
                  <div class="actions">
                    <button type="submit" id="login">ХУР-аар нэвтрэх <span lang="en">/ Log in with ХУР</span></button>
                    <button type="submit" id="login-high" name="acr" value="high" class="secondary">Өндөр баталгаажуулалттай нэвтрэх (acr=high)</button>
                  </div>
                </form>
                <p><small>Шууд холбоос <span lang="en">/ Plain links</span>:
                  <a id="link-login" href="/login">/login</a> ·
                  <a id="link-login-high" href="/login?acr=high">/login?acr=high</a> ·
                  <a id="link-login-phone" href="/login?scope=openid%%20profile%%20phone">/login?scope=openid profile phone</a></small></p>
                """.formatted(PHONE_SCOPE, PHONE_SCOPE));
        body.append("""
                <h2>Юу болдог вэ <span class="en" lang="en">/ What happens</span></h2>
                <ol>
                  <li>Энэ сайт <code>state</code>, <code>nonce</code>, PKCE (S256) үүсгээд таныг ХУР руу илгээнэ.
                    <span class="en" lang="en">This site makes a state, a nonce and a PKCE (S256) verifier, keeps them
                    in its session and sends you to ХУР's authorization endpoint.</span></li>
                  <li>Та ХУР дээр нэвтэрнэ. <span class="en" lang="en">You log in on ХУР's pages.</span></li>
                  <li>ХУР таныг <code>/callback</code> руу кодтой буцаана; сайт кодыг токеноор солиж, ID токены гарын үсэг,
                    nonce-г шалгаад userinfo-г авна. <span class="en" lang="en">ХУР sends you back to <code>/callback</code>
                    with a code; the site exchanges it for tokens, checks the ID token's signature and nonce, and calls userinfo.</span></li>
                </ol>
                """);
        return Html.page("Демо үйлчилгээ / Demo service", body.toString());
    }

    static String me(SignedIn signedIn) {
        JWTClaimsSet claims = signedIn.idTokenClaims();
        StringBuilder body = new StringBuilder();
        body.append("<h1>Таны мэдээлэл <span class=\"en\" lang=\"en\">/ Your details</span></h1>\n");
        body.append("<p>ХУР-аас ирсэн, гарын үсэг нь шалгагдсан ID токены утгууд.<br>"
                + "<span class=\"en\" lang=\"en\">Claims of the ID token from ХУР, signature checked.</span></p>\n");
        body.append("<table id=\"claims\">\n<thead><tr><th>Claim</th><th>Утга <span lang=\"en\">/ Value</span></th>"
                + "<th>Тайлбар <span lang=\"en\">/ Meaning</span></th></tr></thead>\n<tbody>\n");
        for (String name : SHOWN_CLAIMS) {
            Object value = claims.getClaim(name);
            ClaimLabel label = label(name);
            body.append("<tr><th scope=\"row\"><code>").append(escape(name)).append("</code></th>")
                    .append("<td class=\"value\" id=\"claim-").append(escape(name)).append("\">")
                    .append(escape(Html.claimText(value))).append("</td>")
                    .append("<td class=\"note\">").append(escape(label.mn()))
                    .append(" <span lang=\"en\">/ ").append(escape(label.en())).append("</span>");
            if (value == null) {
                body.append("<br><em>ирээгүй <span lang=\"en\">/ not in the token</span></em>");
            } else if ("auth_time".equals(name) && value instanceof Number seconds) {
                body.append("<br>").append(escape(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                        .format(Instant.ofEpochSecond(seconds.longValue()).atOffset(ZoneOffset.UTC)))).append(" UTC");
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        body.append("<h2>Userinfo <span class=\"en\" lang=\"en\">/ the userinfo endpoint's answer, as received</span></h2>\n");
        body.append("<pre id=\"userinfo\">").append(escape(signedIn.userInfoJson())).append("</pre>\n");
        body.append("<h2>ID токены бүх claim <span class=\"en\" lang=\"en\">/ All ID-token claims</span></h2>\n");
        body.append("<pre id=\"id-token-claims\">").append(escape(claims.toString())).append("</pre>\n");
        body.append("""
                <form action="/logout" method="get" class="actions">
                  <button type="submit" id="logout">Гарах <span lang="en">/ Log out</span></button>
                  <a class="button secondary" href="/">Нүүр <span lang="en">/ Home</span></a>
                </form>
                """);
        return Html.page("Таны мэдээлэл / Your details", body.toString());
    }

    /** What to tell the citizen about an error, in Mongolian and English. */
    record Explanation(String mn, String en) {
    }

    static Explanation explain(String error) {
        return switch (error) {
            case "access_denied" -> new Explanation(
                    "Нэвтрэлтийг цуцалсан эсвэл зөвшөөрөөгүй байна.",
                    "The login was cancelled or not allowed.");
            case "unmet_authentication_requirements", "acr_not_met" -> new Explanation(
                    "Хүссэн баталгаажуулалтын түвшинд (жишээ нь тоон гарын үсгээр) нэвтэрч чадсангүй.",
                    "You could not be logged in at the assurance level this site asked for (for example with a digital signature).");
            case "login_required", "interaction_required", "consent_required", "account_selection_required" -> new Explanation(
                    "ХУР дээр дахин нэвтрэх шаардлагатай.",
                    "You need to log in on ХУР again.");
            case "temporarily_unavailable", "server_error", "idp_unavailable" -> new Explanation(
                    "ХУР түр ажиллахгүй байна. Хэсэг хугацааны дараа дахин оролдоно уу.",
                    "ХУР is not available right now. Please try again in a little while.");
            case "invalid_state", "no_login_in_progress" -> new Explanation(
                    "Нэвтрэлтийн хүсэлт хугацаа нь дууссан эсвэл өөр хөтчөөс ирсэн байна. Дахин эхлүүлнэ үү.",
                    "This login has expired or was started in another browser. Please start again.");
            case "invalid_request", "unauthorized_client", "invalid_scope", "unsupported_response_type", "invalid_client",
                 "token_error", "invalid_issuer", "invalid_response" -> new Explanation(
                    "Энэ үйлчилгээ ХУР-тай зөв холбогдоогүй байна. Үйлчилгээний хариуцагчид мэдэгдэнэ үү.",
                    "This site is not set up correctly with ХУР. Please tell the site's administrators.");
            case "invalid_id_token", "userinfo_error" -> new Explanation(
                    "ХУР-аас ирсэн хариуг шалгаж чадсангүй. Дахин оролдоно уу.",
                    "The answer from ХУР could not be verified. Please try again.");
            default -> new Explanation(
                    "Нэвтрэх үед алдаа гарлаа.",
                    "Something went wrong during the login.");
        };
    }

    /** A polite error page; {@code error} and {@code description} come from outside and are escaped. */
    static String error(String error, String description) {
        Explanation explanation = explain(error);
        StringBuilder body = new StringBuilder();
        body.append("<h1>Нэвтэрч чадсангүй <span class=\"en\" lang=\"en\">/ You are not logged in</span></h1>\n");
        body.append("<div class=\"error\">\n<p id=\"error-message\">").append(escape(explanation.mn()))
                .append("<br><span class=\"en\" lang=\"en\">").append(escape(explanation.en())).append("</span></p>\n");
        body.append("<p><small>Алдааны код <span lang=\"en\">/ Error code</span>: <code id=\"error\">")
                .append(escape(error)).append("</code>");
        if (description != null && !description.isBlank()) {
            body.append("<br>Тайлбар <span lang=\"en\">/ Description</span>: <span id=\"error-description\">")
                    .append(escape(description)).append("</span>");
        }
        body.append("</small></p>\n</div>\n");
        body.append("<div class=\"actions\"><a class=\"button\" id=\"home\" href=\"/\">Эхлэл рүү буцах "
                + "<span lang=\"en\">/ Back to the start</span></a></div>\n");
        return Html.page("Нэвтэрч чадсангүй / Not logged in", body.toString());
    }

    /** After logout (the post-logout redirect URI): the citizen sees that they are logged out, here and at ХУР. */
    static String loggedOut() {
        return Html.page("Гарлаа / Logged out", """
                <h1 id="logged-out">Та системээс гарлаа <span class="en" lang="en">/ You are logged out</span></h1>
                <p>Энэ сайт болон ХУР дээрх нэвтрэлт тань дууслаа.<br>
                <span class="en" lang="en">Your login at this site and at ХУР has ended.</span></p>
                <div class="actions"><a class="button" id="login-again" href="/login">Дахин нэвтрэх <span lang="en">/ Log in again</span></a>
                <a class="button secondary" id="home" href="/">Нүүр <span lang="en">/ Home</span></a></div>
                """);
    }

    /** A plain message page (bad request, not found, internal error). */
    static String message(String mn, String en) {
        return Html.page(mn + " / " + en, "<h1>" + escape(mn) + " <span class=\"en\" lang=\"en\">/ " + escape(en) + "</span></h1>\n"
                + "<div class=\"actions\"><a class=\"button\" id=\"home\" href=\"/\">Эхлэл рүү буцах "
                + "<span lang=\"en\">/ Back to the start</span></a></div>\n");
    }
}

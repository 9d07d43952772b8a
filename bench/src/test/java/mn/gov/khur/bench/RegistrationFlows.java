package mn.gov.khur.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;

/** The steps of scenario 5, registration by phone ("Бүртгүүлэх"), as a browser without JavaScript does them. */
public final class RegistrationFlows {

    private static final AtomicInteger NEXT_NEWCOMER = new AtomicInteger();

    private RegistrationFlows() {
    }

    /**
     * A fresh browser and the next newcomer (never registered before), PKCE, state, nonce. The clock
     * starts after {@link #phoneOwnedByNewcomer()}: the operator's records exist before anyone registers.
     */
    public static ChainBuilder newcomer() {
        return exec(flushCookieJar()).exec(session -> {
            int i = NEXT_NEWCOMER.getAndIncrement();
            String verifier = Flows.random(32);
            return session.set("registerNumber", Newcomers.registerNumber(i))
                    .set("phone", Newcomers.phone(i))
                    .set("verifier", verifier)
                    .set("challenge", Flows.s256(verifier))
                    .set("state", Flows.random(16))
                    .set("nonce", Flows.random(16))
                    .set("t0", System.nanoTime()); // reset once the phone is registered; here for a failure before that
        });
    }

    /** The sandbox operator's records: this phone is registered in this newcomer's name (not timed). */
    public static ChainBuilder phoneOwnedByNewcomer() {
        return exec(http("lookup: register owner (not timed)").post(BenchConfig.LOOKUP_URL + "/admin/subscribers")
                .header("Content-Type", "application/json")
                .body(StringBody("{\"msisdn\":\"#{phone}\",\"registerNumber\":\"#{registerNumber}\"}"))
                .check(status().is(204)))
                .exec(session -> session.set("t0", System.nanoTime()));
    }

    /** The relying party's authorization request; its login page links to registration (#khur-register). */
    public static ChainBuilder authorize() {
        return exec(http("authorize").get(session -> "/realms/" + BenchConfig.KHUR_REALM + "/protocol/openid-connect/auth"
                        + "?response_type=code&scope=openid&client_id=" + BenchConfig.KHUR_CLIENT
                        + "&redirect_uri=" + Flows.enc(BenchConfig.REDIRECT_URI)
                        + "&state=" + session.getString("state") + "&nonce=" + session.getString("nonce")
                        + "&code_challenge=" + session.getString("challenge") + "&code_challenge_method=S256")
                .check(status().is(200), css("#khur-register", "href").saveAs("registerUrl")));
    }

    /** The registration form; the captcha's answer only through the dev-mode test seam. */
    public static ChainBuilder openForm() {
        return exec(http("registration page").get("#{registerUrl}")
                .check(status().is(200),
                        css("#khur-register-form", "action").saveAs("registerAction"),
                        css("#khur-captcha-image", "data-khur-test-answer").saveAs("captcha")));
    }

    /** Register number, phone, password twice, captcha → ownership lookup → reverse-SMS page for that phone. */
    public static ChainBuilder submitForm() {
        return exec(http("register (form + captcha)").post("#{registerAction}")
                .formParam("registerNumber", "#{registerNumber}")
                .formParam("phone", "#{phone}")
                .formParam("password-new", BenchConfig.PASSWORD)
                .formParam("password-confirm", BenchConfig.PASSWORD)
                .formParam("captcha", "#{captcha}")
                .formParam("submitRegistration", "true")
                .check(status().is(200),
                        css("#khur-sms-code").saveAs("smsCode"),
                        css("#khur-sms-form", "action").saveAs("smsAction"),
                        css("#khur-sms-form", "data-status-url").saveAs("statusUrl")));
    }

    /** "Үргэлжлүүлэх" after the match: the account is created, the "done" page is the flow's last response. */
    public static ChainBuilder pressContinueToDone() {
        return exec(http("continue (account created)").post("#{smsAction}").formParam("continue", "true")
                .check(status().is(200), css("#khur-done", "data-khur-done").is("registration")));
    }
}

package mn.gov.khur.passkey.offer;

import java.util.List;

import mn.gov.khur.passkey.login.PasskeyLogin;

/**
 * When the passkey offer may appear: right after this browser completed a login of at least "substantial"
 * (reverse SMS, bank or signature) in this very authentication, never after a single sign-on that reused
 * the session cookie (nobody proved anything just now), and not after a passkey login (there is one).
 * The methods come from the amr a login step recorded in this authentication session: a reused session
 * records none.
 */
record OfferMoment(boolean singleSignOn, List<String> amrOfThisLogin, int levelOfThisLogin) {

    /** Keycloak's level of "substantial" in this realm's acr map ({"substantial": 1, "high": 2}). */
    static final int SUBSTANTIAL = 1;

    /** This login was a passkey's: the citizen has one here (or on the phone they used), nothing to offer on this device. */
    boolean passkeyLogin() {
        return !singleSignOn && amrOfThisLogin.contains(PasskeyLogin.AMR[0]);
    }

    boolean worthAnOffer() {
        return !singleSignOn
                && !amrOfThisLogin.isEmpty()
                && !amrOfThisLogin.contains(PasskeyLogin.AMR[0])
                && levelOfThisLogin >= SUBSTANTIAL;
    }
}

package mn.gov.khur.it.relyingparty;

import java.net.URI;

import mn.gov.khur.it.support.OidcRelyingParty;

/** The two example government sites of the realm: {@code demo-rp} and {@code demo-rp-2}. */
final class DemoSites {

    /** demo-rp-2's callback: realm default {@code http://localhost:8094/*}; nothing needs to listen there. */
    static final URI SECOND_SITE_CALLBACK = URI.create("http://localhost:8094/callback");
    static final URI SECOND_SITE_HOME = URI.create("http://localhost:8094/");
    static final URI FIRST_SITE_HOME = URI.create("http://localhost:8092/");

    private DemoSites() {
    }

    static OidcRelyingParty first() {
        return OidcRelyingParty.demo();
    }

    static OidcRelyingParty second() {
        return new OidcRelyingParty("demo-rp-2", "demo-rp-2-secret", SECOND_SITE_CALLBACK);
    }
}

package mn.gov.khur.esign.push;

import java.time.Duration;

import mn.gov.khur.esign.pki.EsignPkiConfig;

/** What every push method's config carries besides its service endpoint. */
public record PushSettings(Duration signingTimeout, int pollSeconds, int maxPushes, Duration pushWindow, EsignPkiConfig pki) {
}

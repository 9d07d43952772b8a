package mn.gov.khur.it.support;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;

/**
 * A passkey in software (webauthn4j's emulator, with user verification): what a phone or laptop does when the
 * page calls navigator.credentials.create()/get(), for tests that drive the pages without a browser. It reads the
 * options Keycloak put in the page's script and answers with the fields the page's script would post.
 */
public final class SoftwarePasskey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final ClientPlatform platform;
    private byte[] credentialId;
    private byte[] userHandle;

    public SoftwarePasskey() {
        this(KeycloakServer.BASE_URL);
    }

    /** @param origin the page's origin as the browser would report it */
    public SoftwarePasskey(String origin) {
        this.platform = new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator()));
    }

    /** The fields of form #register for the passkey page shown ({@code webauthn-register.ftl}). */
    public Map<String, String> create(String registrationPage, String label) {
        String rpId = scriptValue(registrationPage, "rpId");
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(rpId, scriptValue(registrationPage, "rpEntityName")),
                new PublicKeyCredentialUserEntity(Base64.getUrlDecoder().decode(scriptValue(registrationPage, "userid")),
                        scriptValue(registrationPage, "username"), scriptValue(registrationPage, "username")),
                new DefaultChallenge(scriptValue(registrationPage, "challenge")),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)),
                null, List.of(),
                new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE, null);
        var credential = platform.create(options);
        credentialId = credential.getRawId();
        userHandle = options.getUser().getId();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientDataJSON", B64URL.encodeToString(credential.getResponse().getClientDataJSON()));
        fields.put("attestationObject", B64URL.encodeToString(credential.getResponse().getAttestationObject()));
        fields.put("publicKeyCredentialId", B64URL.encodeToString(credentialId));
        fields.put("authenticatorLabel", label);
        fields.put("transports", "internal");
        fields.put("authenticatorAttachment", "platform");
        return fields;
    }

    /** The fields of form #webauth for the entry page shown: an assertion with user verification. */
    public Map<String, String> sign(String entryPage) {
        return sign(entryPage, UserVerificationRequirement.REQUIRED);
    }

    /** An assertion with user presence only (nobody's fingerprint or PIN): one factor, not two. */
    public Map<String, String> signWithoutUserVerification(String entryPage) {
        return sign(entryPage, UserVerificationRequirement.DISCOURAGED);
    }

    private Map<String, String> sign(String entryPage, UserVerificationRequirement verification) {
        PublicKeyCredentialRequestOptions options = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(scriptValue(entryPage, "challenge")), null, scriptValue(entryPage, "rpId"),
                null, verification, null);
        var assertion = platform.get(options);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clientDataJSON", B64URL.encodeToString(assertion.getResponse().getClientDataJSON()));
        fields.put("authenticatorData", B64URL.encodeToString(assertion.getResponse().getAuthenticatorData()));
        fields.put("signature", B64URL.encodeToString(assertion.getResponse().getSignature()));
        fields.put("credentialId", B64URL.encodeToString(assertion.getRawId()));
        fields.put("userHandle", B64URL.encodeToString(assertion.getResponse().getUserHandle()));
        return fields;
    }

    public byte[] credentialId() {
        return credentialId.clone();
    }

    /** The user handle this passkey was created for (Keycloak's user id, UTF-8). */
    public byte[] userHandle() {
        return userHandle.clone();
    }

    /** A value of the page script's options object ({@code name : "value"}), as Keycloak's templates write it. */
    public static String scriptValue(String page, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*:\\s*\"([^\"]*)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in the page's passkey options:\n" + page);
        }
        return m.group(1).replace("\\u002F", "/").replace("\\/", "/");
    }

    public static String base64Url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }
}

// ХУР: navigator.credentials.create() for a passkey, from the options Keycloak's passwordless registration
// put on the page (webauthn-register.ftl), then the result in the hidden form #register, which Keycloak reads.
// Like Keycloak's webauthnRegister.js, without its window.prompt() for a name: the label field already holds
// the device's name. A refusal or an error is posted too (field "error"), so the server shows its page.
import { base64url } from "rfc4648";

const COSE_ES256 = -7;

export async function createPasskey(input) {
    const selection = {};
    if (input.authenticatorAttachment !== 'not specified') {
        selection.authenticatorAttachment = input.authenticatorAttachment;
    }
    if (input.residentKey && input.residentKey !== 'not specified') {
        selection.residentKey = input.residentKey;
        selection.requireResidentKey = input.residentKey === 'required';
    } else if (input.requireResidentKey === 'Yes') {
        selection.residentKey = 'required';
        selection.requireResidentKey = true;
    }
    if (input.userVerificationRequirement !== 'not specified') {
        selection.userVerification = input.userVerificationRequirement;
    }
    const publicKey = {
        challenge: base64url.parse(input.challenge, { loose: true }),
        rp: { id: input.rpId, name: input.rpEntityName },
        user: {
            id: base64url.parse(input.userid, { loose: true }),
            name: input.username,
            displayName: input.username,
        },
        pubKeyCredParams: (input.signatureAlgorithms.length ? input.signatureAlgorithms : [COSE_ES256])
            .map((alg) => ({ type: 'public-key', alg })),
        authenticatorSelection: selection,
    };
    if (input.attestationConveyancePreference !== 'not specified') {
        publicKey.attestation = input.attestationConveyancePreference;
    }
    if (input.createTimeout !== 0) {
        publicKey.timeout = input.createTimeout * 1000;
    }
    if (input.excludeCredentialIds) {
        publicKey.excludeCredentials = input.excludeCredentialIds.split(',')
            .map((id) => ({ type: 'public-key', id: base64url.parse(id, { loose: true }) }));
    }
    const form = document.getElementById('register');
    try {
        const credential = await navigator.credentials.create({ publicKey });
        const bytes = (buffer) => base64url.stringify(new Uint8Array(buffer), { pad: false });
        form.elements.clientDataJSON.value = bytes(credential.response.clientDataJSON);
        form.elements.attestationObject.value = bytes(credential.response.attestationObject);
        form.elements.publicKeyCredentialId.value = bytes(credential.rawId);
        if (typeof credential.response.getTransports === 'function') {
            form.elements.transports.value = (credential.response.getTransports() || []).join(',');
        }
        if (credential.authenticatorAttachment) {
            form.elements.authenticatorAttachment.value = credential.authenticatorAttachment;
        }
    } catch (error) {
        form.elements.error.value = String(error);
    }
    form.requestSubmit();
}

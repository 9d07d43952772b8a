package mn.gov.khur.selfservice.flow;

import mn.gov.khur.common.regnum.RegisterNumber;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A registration waiting for its reverse SMS: the register number and the password already hashed
 * with the realm's algorithm (the plain password never reaches the session store).
 */
record PendingRegistration(RegisterNumber registerNumber, String credentialData, String secretData) {

    private static final String PREFIX = "khur.ss.reg.";
    private static final String REGISTER_NUMBER = PREFIX + "registerNumber";
    private static final String CREDENTIAL_DATA = PREFIX + "credentialData";
    private static final String SECRET_DATA = PREFIX + "secretData";

    static void write(AuthenticationFlowContext context, RegisterNumber registerNumber, String password) {
        PasswordPolicy policy = context.getRealm().getPasswordPolicy();
        String algorithm = policy.getHashAlgorithm();
        PasswordHashProvider hash = algorithm == null ? null
                : context.getSession().getProvider(PasswordHashProvider.class, algorithm);
        if (hash == null) {
            hash = context.getSession().getProvider(PasswordHashProvider.class);
        }
        PasswordCredentialModel credential = hash.encodedCredential(password, policy.getHashIterations());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(REGISTER_NUMBER, registerNumber.value());
        authSession.setAuthNote(CREDENTIAL_DATA, credential.getCredentialData());
        authSession.setAuthNote(SECRET_DATA, credential.getSecretData());
    }

    static PendingRegistration read(AuthenticationSessionModel authSession) {
        String registerNumber = authSession.getAuthNote(REGISTER_NUMBER);
        String data = authSession.getAuthNote(CREDENTIAL_DATA);
        String secret = authSession.getAuthNote(SECRET_DATA);
        if (registerNumber == null || data == null || secret == null) {
            return null;
        }
        return new PendingRegistration(RegisterNumber.parse(registerNumber), data, secret);
    }

    static void clear(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(REGISTER_NUMBER);
        authSession.removeAuthNote(CREDENTIAL_DATA);
        authSession.removeAuthNote(SECRET_DATA);
    }

    CredentialModel passwordCredential() {
        CredentialModel model = new CredentialModel();
        model.setType(PasswordCredentialModel.TYPE);
        model.setCredentialData(credentialData);
        model.setSecretData(secretData);
        model.setCreatedDate(System.currentTimeMillis());
        return model;
    }
}

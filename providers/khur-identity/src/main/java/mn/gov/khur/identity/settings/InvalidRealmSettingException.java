package mn.gov.khur.identity.settings;

/** A realm-settings value an operator entered that cannot be used; the message says which and why. */
public final class InvalidRealmSettingException extends IllegalArgumentException {

    public InvalidRealmSettingException(String message) {
        super(message);
    }
}

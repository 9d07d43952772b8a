package mn.gov.khur.smsgateway.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One operator's SMSC link.
 *
 * @param operator key from configuration, e.g. "mobicom"; prefixes the contract's messageId
 */
public record SmscSettings(String operator, String host, int port, String systemId, String password,
                           String systemType, BindMode bindMode, String addressRange,
                           Duration enquireLinkInterval, Duration bindTimeout,
                           Duration reconnectInitialDelay, Duration reconnectMaxDelay) {

    private static final Pattern OPERATOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public SmscSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "system-id");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(bindMode, "bind-type");
        systemType = systemType == null ? "" : systemType;
        addressRange = addressRange == null ? "" : addressRange;
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new IllegalArgumentException("SMSC key must match " + OPERATOR + ": " + operator);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(prefix(operator) + "port out of range");
        }
        // SMPP 3.4 §4.1: C-Octet Strings of at most 16 / 9 / 13 / 41 octets including the NUL.
        requireMaxLength(operator, "system-id", systemId, 15);
        requireMaxLength(operator, "password", password, 8);
        requireMaxLength(operator, "system-type", systemType, 12);
        requireMaxLength(operator, "address-range", addressRange, 40);
        requirePositive(operator, "enquire-link-interval", enquireLinkInterval);
        requirePositive(operator, "bind-timeout", bindTimeout);
        requirePositive(operator, "reconnect-initial-delay", reconnectInitialDelay);
        requirePositive(operator, "reconnect-max-delay", reconnectMaxDelay);
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException(prefix(operator) + "reconnect-max-delay is below reconnect-initial-delay");
        }
    }

    /** The same SMSC and credentials, bound as transmitter under the key {@code <operator>-mt} (the MT link). */
    public SmscSettings asTransmitter() {
        return new SmscSettings(operator.length() > 29 ? operator.substring(0, 29) + "-mt" : operator + "-mt", host, port,
                systemId, password, systemType, BindMode.TRANSMITTER, addressRange, enquireLinkInterval, bindTimeout,
                reconnectInitialDelay, reconnectMaxDelay);
    }

    /** Password and system_id stay out of toString (it ends up in logs). */
    @Override
    public String toString() {
        return "SmscSettings[" + operator + " " + host + ":" + port + " " + bindMode + "]";
    }

    private static void requireMaxLength(String operator, String name, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(prefix(operator) + name + " longer than " + max + " characters");
        }
    }

    private static void requirePositive(String operator, String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(prefix(operator) + name + " must be positive");
        }
    }

    private static String prefix(String operator) {
        return "khur.gateway.smsc." + operator + ": ";
    }
}

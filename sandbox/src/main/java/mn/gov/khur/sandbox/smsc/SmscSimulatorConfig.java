package mn.gov.khur.sandbox.smsc;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one {@link SmscSimulator}. Immutable; derive variants with the {@code with…} methods.
 *
 * @param host            address to listen on; loopback by default because a bound ESME gets
 *                        every sandbox citizen's "SMS"
 * @param port            TCP port, 0 for an ephemeral one (see {@link SmscSimulator#port()})
 * @param systemId        system_id an ESME must bind with
 * @param password        password an ESME must bind with (wrong one: ESME_RINVPASWD)
 * @param retryInterval   pause before redelivering after a temporary error, a timeout or while
 *                        no receiver is bound
 * @param responseTimeout how long to wait for deliver_sm_resp before treating it as lost
 * @param bindTimeout     how long a fresh connection may take to send its bind
 */
public record SmscSimulatorConfig(String host, int port, String systemId, String password,
                                  Duration retryInterval, Duration responseTimeout, Duration bindTimeout) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 2775;
    public static final String DEFAULT_SYSTEM_ID = "khur";
    public static final String DEFAULT_PASSWORD = "sandbox";

    public SmscSimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        // SMPP 3.4 §5.2: system_id is a C-Octet String of at most 16, password of at most 9 octets.
        if (systemId.isEmpty() || systemId.length() > 15) {
            throw new IllegalArgumentException("system_id must have 1..15 characters");
        }
        if (password.length() > 8) {
            throw new IllegalArgumentException("password must have at most 8 characters");
        }
        requirePositive(retryInterval, "retryInterval");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(bindTimeout, "bindTimeout");
    }

    /** Loopback:2775, khur/sandbox, 5 s retry, 10 s response timeout, 30 s bind timeout. */
    public static SmscSimulatorConfig defaults() {
        return new SmscSimulatorConfig(LOOPBACK, DEFAULT_PORT, DEFAULT_SYSTEM_ID, DEFAULT_PASSWORD,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public SmscSimulatorConfig withHost(String newHost) {
        return new SmscSimulatorConfig(newHost, port, systemId, password, retryInterval, responseTimeout, bindTimeout);
    }

    public SmscSimulatorConfig withPort(int newPort) {
        return new SmscSimulatorConfig(host, newPort, systemId, password, retryInterval, responseTimeout, bindTimeout);
    }

    public SmscSimulatorConfig withCredentials(String newSystemId, String newPassword) {
        return new SmscSimulatorConfig(host, port, newSystemId, newPassword, retryInterval, responseTimeout, bindTimeout);
    }

    public SmscSimulatorConfig withRetryInterval(Duration interval) {
        return new SmscSimulatorConfig(host, port, systemId, password, interval, responseTimeout, bindTimeout);
    }

    public SmscSimulatorConfig withResponseTimeout(Duration timeout) {
        return new SmscSimulatorConfig(host, port, systemId, password, retryInterval, timeout, bindTimeout);
    }

    public SmscSimulatorConfig withBindTimeout(Duration timeout) {
        return new SmscSimulatorConfig(host, port, systemId, password, retryInterval, responseTimeout, timeout);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

package mn.gov.khur.identity.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The network a login attempt comes from, as a throttle should count it: an IPv4 address as it is (carrier-grade NAT
 * puts many citizens behind one, which is why the budget is per account too); an IPv6 address by its /64, the prefix
 * one subscriber line gets (counting single IPv6 addresses would hand an attacker 2^64 budgets). Anything else Keycloak
 * might report is kept as it is.
 */
public record ClientNetwork(String id) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public static ClientNetwork of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return new ClientNetwork("unknown");
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // only literals are parsed (a colon, or four dotted numbers): never a name lookup
        if (!literal.contains(":") && !IPV4.matcher(literal).matches()) {
            return new ClientNetwork(literal);
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] prefix = java.util.Arrays.copyOf(address.getAddress(), 8);
                return new ClientNetwork(HexFormat.of().formatHex(prefix) + "::/64");
            }
            return new ClientNetwork(address.getHostAddress()); // also an IPv4-mapped IPv6 address
        } catch (UnknownHostException e) {
            return new ClientNetwork(literal);
        }
    }
}

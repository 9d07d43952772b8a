package mn.gov.khur.esign.push;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The client address a per-address limit counts: an IPv4 address as it is, an IPv6 address as its /64
 * network (one subscriber line or LAN gets a whole /64, so counting single IPv6 addresses would give an
 * attacker billions of fresh counts). Keycloak's remote address is already the client's own when
 * proxy headers are configured; anything unreadable counts as one shared "unknown".
 */
final class ClientAddress {

    /** Only IP literals are parsed: {@link InetAddress#getByName} would resolve a host name through DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientAddress() {
    }

    static String of(String remoteAddress) {
        if (remoteAddress == null) {
            return "unknown";
        }
        String address = remoteAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (IPV4_LITERAL.matcher(address).matches()) {
            return address;
        }
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return "unknown";
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] network = new byte[8];
                System.arraycopy(parsed.getAddress(), 0, network, 0, 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped IPv6 address is the IPv4 client
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

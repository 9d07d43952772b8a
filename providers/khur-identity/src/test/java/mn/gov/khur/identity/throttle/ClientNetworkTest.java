package mn.gov.khur.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo(new ClientNetwork("203.0.113.7"));
        assertThat(ClientNetwork.of("203.0.113.8")).isNotEqualTo(ClientNetwork.of("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        ClientNetwork one = ClientNetwork.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(ClientNetwork.of("2001:db8:1:2::1")).as("same /64, another host").isEqualTo(one);
        assertThat(ClientNetwork.of("[2001:db8:1:2::ffff]")).isEqualTo(one);
        assertThat(ClientNetwork.of("2001:db8:1:2::1%eth0")).isEqualTo(one);
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).as("the next /64").isNotEqualTo(one);
        assertThat(one.id()).isEqualTo("20010db800010002::/64");
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo(ClientNetwork.of("203.0.113.7"));
    }

    @Test
    void somethingElseIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientNetwork.of("proxy.internal")).isEqualTo(new ClientNetwork("proxy.internal"));
        assertThat(ClientNetwork.of(null)).isEqualTo(new ClientNetwork("unknown"));
        assertThat(ClientNetwork.of(" ")).isEqualTo(new ClientNetwork("unknown"));
    }
}

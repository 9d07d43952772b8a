package mn.gov.khur.esign.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertThat(ClientAddress.of("203.91.112.7")).isEqualTo("203.91.112.7");
        assertThat(ClientAddress.of("::ffff:203.91.112.7")).as("IPv4-mapped").isEqualTo("203.91.112.7");
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        String one = ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(one).isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.of("2001:db8:1:2::1")).as("same /64").isEqualTo(one);
        assertThat(ClientAddress.of("[2001:db8:1:2::99%eth0]")).isEqualTo(one);
        assertThat(ClientAddress.of("2001:db8:1:3::1")).as("next /64").isNotEqualTo(one);
    }

    @Test
    void anythingElseIsOneSharedUnknownAndIsNeverLookedUp() {
        assertThat(ClientAddress.of(null)).isEqualTo("unknown");
        assertThat(ClientAddress.of("")).isEqualTo("unknown");
        assertThat(ClientAddress.of("attacker.example")).isEqualTo("unknown");
        assertThat(ClientAddress.of("face:b00c")).as("no IPv6 literal, and no DNS either").isEqualTo("unknown");
    }
}

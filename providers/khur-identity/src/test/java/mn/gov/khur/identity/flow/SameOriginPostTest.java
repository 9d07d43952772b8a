package mn.gov.khur.identity.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SameOriginPostTest {

    private static final Set<String> OURS = Set.of("https://sso.gov.mn", "https://sso-admin.gov.mn:8443");

    @ParameterizedTest
    @ValueSource(strings = {"https://sso.gov.mn", "HTTPS://SSO.gov.mn", "https://sso.gov.mn:443", "https://sso-admin.gov.mn:8443"})
    void ourOwnOriginsPass(String origin) {
        assertThat(SameOriginPost.judge(origin, null, OURS)).isInstanceOf(SameOriginPost.Provenance.Own.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://sso.gov.mn", "https://sso.gov.mn:8443", "https://sso.gov.mn.evil.example",
            "https://evil.example/https://sso.gov.mn", "not a url", "https://sso-admin.gov.mn"})
    void anyOtherOriginIsForeignAndNamed(String origin) {
        assertThat(SameOriginPost.judge(origin, "https://sso.gov.mn/realms/khur/login-actions/authenticate", OURS))
                .as("Origin wins over an (own) Referer").isEqualTo(new SameOriginPost.Provenance.Foreign(origin));
    }

    @Test
    void withoutOriginTheReferersOriginDecides() {
        assertThat(SameOriginPost.judge(null, "https://sso.gov.mn/realms/khur/login-actions/authenticate?x=1", OURS))
                .isInstanceOf(SameOriginPost.Provenance.Own.class);
        assertThat(SameOriginPost.judge("", "https://evil.example/phish.html?q=1", OURS))
                .isEqualTo(new SameOriginPost.Provenance.Foreign("https://evil.example"));
    }

    @Test
    void neitherHeaderIsUnstated() {
        assertThat(SameOriginPost.judge(null, null, OURS)).isInstanceOf(SameOriginPost.Provenance.Unstated.class);
        assertThat(SameOriginPost.judge(" ", "", OURS)).isInstanceOf(SameOriginPost.Provenance.Unstated.class);
    }
}

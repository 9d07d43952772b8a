package mn.gov.khur.esign.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import mn.gov.khur.esign.pki.EsignPkiConfig;

import org.junit.jupiter.api.Test;

class PushSettingsTest {

    private static final String PREFIX = "khur.esign.sim.";

    @Test
    void defaultsLimitEachNumberAndPhoneToThreeAndEachAddressToThirtyInTenMinutes() {
        PushLimiter.Limits limits = PushSettings.from(Map.of(), PREFIX, EsignPkiConfig.from(null)).limits();
        assertThat(limits).isEqualTo(new PushLimiter.Limits(30, 3, 3, Duration.ofMinutes(10)));
    }

    @Test
    void valuesAreReadAndClampedToTheirRanges() {
        PushLimiter.Limits limits = PushSettings.from(Map.of(PREFIX + "maxPushes", "2", PREFIX + "maxPushesPerPhone", "99",
                PREFIX + "maxPushesPerAddress", "100000", PREFIX + "pushWindowSeconds", " 120 "), PREFIX, EsignPkiConfig.from(null))
                .limits();
        assertThat(limits).isEqualTo(new PushLimiter.Limits(1000, 2, 10, Duration.ofSeconds(120)));
        assertThat(PushSettings.from(Map.of(PREFIX + "maxPushesPerAddress", "lots"), PREFIX, EsignPkiConfig.from(null))
                .limits().perAddress()).as("unparsable: the default").isEqualTo(30);
    }

    @Test
    void everyLimitHasBilingualHelpInTheAdminConsole() {
        assertThat(PushSettings.properties(PREFIX, "MSS_StatusQuery"))
                .filteredOn(p -> p.getName().startsWith(PREFIX + "maxPushes"))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.getLabel() + p.getHelpText()).containsPattern("[A-Za-z]").containsPattern("[А-Яа-яӨөҮү]"));
    }
}

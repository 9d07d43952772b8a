package mn.gov.khur.passkey.offer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfferedDevicesTest {

    @Test
    void anEntryIsAShortHashNeverTheUserId() {
        String entry = OfferedDevices.entry("realm-1", "user-1");
        assertThat(entry).hasSize(16).matches("[A-Za-z0-9_-]+").doesNotContain("user");
        assertThat(OfferedDevices.entry("realm-2", "user-1")).as("per realm").isNotEqualTo(entry);
    }

    @Test
    void aCitizenWhoAnsweredIsKnownAfterTheCookieRoundTrip() {
        String cookie = OfferedDevices.parse(null).with("r", "a").with("r", "b").value();
        OfferedDevices read = OfferedDevices.parse(cookie);
        assertThat(read.answeredBy("r", "a")).isTrue();
        assertThat(read.answeredBy("r", "b")).isTrue();
        assertThat(read.answeredBy("r", "c")).isFalse();
        assertThat(read.answeredBy("other-realm", "a")).isFalse();
    }

    @Test
    void garbageAndOtherVersionsAreAnEmptyList() {
        assertThat(OfferedDevices.parse("v2." + OfferedDevices.entry("r", "a")).answeredBy("r", "a")).isFalse();
        assertThat(OfferedDevices.parse("v1.<script>.x").value()).isEqualTo("v1.");
        assertThat(OfferedDevices.parse("").value()).isEqualTo("v1.");
    }

    @Test
    void theNewestFewAreKeptWithoutRepeats() {
        OfferedDevices devices = OfferedDevices.parse(null);
        for (int i = 0; i < 20; i++) {
            devices = OfferedDevices.parse(devices.with("r", "user-" + i).value());
        }
        OfferedDevices again = OfferedDevices.parse(devices.with("r", "user-15").value());
        assertThat(again.value().split("\\.")).hasSize(1 + OfferedDevices.MAX_ENTRIES);
        assertThat(again.value()).startsWith("v1." + OfferedDevices.entry("r", "user-15"));
        assertThat(again.answeredBy("r", "user-19")).isTrue();
        assertThat(again.answeredBy("r", "user-12")).isTrue();
        assertThat(again.answeredBy("r", "user-11")).as("the oldest dropped").isFalse();
    }
}

package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import mn.gov.khur.smsgateway.testing.Pdus;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void isStableAcrossRedeliveriesOfTheSamePdu() {
        DeliverSm first = Pdus.gsm("97699112233", "130092", "482913", ref(7));
        DeliverSm redelivery = Pdus.gsm("97699112233", "130092", "482913", ref(7));
        redelivery.setSequenceNumber(first.getSequenceNumber() + 41); // SMSCs renumber redeliveries

        assertThat(MessageIds.of("mobicom", redelivery)).isEqualTo(MessageIds.of("mobicom", first));
    }

    @Test
    void hasOperatorPrefixAnd32HexCharacters() {
        assertThat(MessageIds.of("unitel", Pdus.gsm("97699112233", "130092", "482913")))
                .matches("unitel-[0-9a-f]{32}");
    }

    @Test
    void differsForAnotherTextSenderOperatorOrHandsetReference() {
        String base = MessageIds.of("mobicom", Pdus.gsm("97699112233", "130092", "482913", ref(7)));
        assertThat(MessageIds.of("mobicom", Pdus.gsm("97699112233", "130092", "482914", ref(7)))).isNotEqualTo(base);
        assertThat(MessageIds.of("mobicom", Pdus.gsm("97688123456", "130092", "482913", ref(7)))).isNotEqualTo(base);
        assertThat(MessageIds.of("unitel", Pdus.gsm("97699112233", "130092", "482913", ref(7)))).isNotEqualTo(base);
        // The same code typed again is a new SMS from the handset (new TP-MR), not a redelivery.
        assertThat(MessageIds.of("mobicom", Pdus.gsm("97699112233", "130092", "482913", ref(8)))).isNotEqualTo(base);
    }

    @Test
    void prefersTheSmscsOwnIdWhenItSendsOne() {
        DeliverSm ucs2 = Pdus.mo("97699112233", "130092", (byte) 0x08, "482913".getBytes(
                java.nio.charset.StandardCharsets.UTF_16BE), new OptionalParameter.Receipted_message_id("A1B2"));
        DeliverSm reencoded = Pdus.gsm("97699112233", "130092", "482913",
                new OptionalParameter.Receipted_message_id("A1B2"));
        assertThat(MessageIds.of("mobicom", reencoded)).isEqualTo(MessageIds.of("mobicom", ucs2));
    }

    private static OptionalParameter ref(int tpMr) {
        return new OptionalParameter.User_message_reference((short) tpMr);
    }
}

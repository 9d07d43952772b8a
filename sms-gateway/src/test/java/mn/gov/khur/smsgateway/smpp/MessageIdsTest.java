package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import mn.gov.khur.smsgateway.testing.Pdus;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-11-24T10:15:00Z"),
            java.time.ZoneOffset.UTC);

    @Test
    void isStableAcrossRedeliveriesOfTheSamePdu() {
        DeliverSm first = Pdus.gsm("97699112233", "130092", "482913", ref(7));
        DeliverSm redelivery = Pdus.gsm("97699112233", "130092", "482913", ref(7));
        redelivery.setSequenceNumber(first.getSequenceNumber() + 41); // SMSCs renumber redeliveries

        assertThat(MessageIds.contentId("mobicom", redelivery)).isEqualTo(MessageIds.contentId("mobicom", first));
    }

    @Test
    void hasOperatorPrefixAnd32HexCharacters() {
        assertThat(MessageIds.contentId("unitel", Pdus.gsm("97699112233", "130092", "482913")))
                .matches("unitel-[0-9a-f]{32}");
    }

    @Test
    void differsForAnotherTextSenderOperatorOrHandsetReference() {
        String base = MessageIds.contentId("mobicom", Pdus.gsm("97699112233", "130092", "482913", ref(7)));
        assertThat(MessageIds.contentId("mobicom", Pdus.gsm("97699112233", "130092", "482914", ref(7)))).isNotEqualTo(base);
        assertThat(MessageIds.contentId("mobicom", Pdus.gsm("97688123456", "130092", "482913", ref(7)))).isNotEqualTo(base);
        assertThat(MessageIds.contentId("unitel", Pdus.gsm("97699112233", "130092", "482913", ref(7)))).isNotEqualTo(base);
        // The same code typed again is a new SMS from the handset (new TP-MR), not a redelivery.
        assertThat(MessageIds.contentId("mobicom", Pdus.gsm("97699112233", "130092", "482913", ref(8)))).isNotEqualTo(base);
    }

    @Test
    void prefersTheSmscsOwnIdWhenItSendsOne() {
        DeliverSm ucs2 = Pdus.mo("97699112233", "130092", (byte) 0x08, "482913".getBytes(
                java.nio.charset.StandardCharsets.UTF_16BE), new OptionalParameter.Receipted_message_id("A1B2"));
        DeliverSm reencoded = Pdus.gsm("97699112233", "130092", "482913",
                new OptionalParameter.Receipted_message_id("A1B2"));
        assertThat(MessageIds.contentId("mobicom", reencoded)).isEqualTo(MessageIds.contentId("mobicom", ucs2));
    }

    @Test
    void withoutAnOperatorIdARedeliveryWhileTheIdIsOpenIsTheSameMessage() {
        MessageIds ids = new MessageIds("mobicom", CLOCK);
        DeliverSm first = Pdus.gsm("97699112233", "130092", "0");
        first.setSequenceNumber(7);
        DeliverSm redelivery = Pdus.gsm("97699112233", "130092", "0");
        redelivery.setSequenceNumber(48); // SMSCs renumber redeliveries

        MessageIds.Assigned assigned = ids.assign(first); // answered with a temporary error: not settled
        MessageIds.Assigned again = ids.assign(redelivery);

        assertThat(again.messageId()).isEqualTo(assigned.messageId()).matches("mobicom-[0-9a-f]{32}");
        assertThat(again.redelivery()).isTrue();
    }

    @Test
    void withoutAnOperatorIdTheSameTextAfterTheFirstWasSettledIsANewMessage() {
        MessageIds ids = new MessageIds("mobicom", CLOCK);
        MessageIds.Assigned first = ids.assign(Pdus.gsm("97699112233", "130092", "0"));
        ids.settled(first); // ESME_ROK: the SMSC will not send it again

        MessageIds.Assigned second = ids.assign(Pdus.gsm("97699112233", "130092", "0"));

        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        assertThat(second.redelivery()).isFalse();
        assertThat(new MessageIds("mobicom", CLOCK).assign(Pdus.gsm("97699112233", "130092", "0")).messageId())
                .as("another bridge run never reuses an id").isNotIn(first.messageId(), second.messageId());
    }

    @Test
    void settlingAnOldIdLeavesANewerOpenOneAlone() {
        MessageIds ids = new MessageIds("mobicom", CLOCK);
        MessageIds.Assigned first = ids.assign(Pdus.gsm("97699112233", "130092", "0"));
        ids.settled(first);
        MessageIds.Assigned second = ids.assign(Pdus.gsm("97699112233", "130092", "0"));
        ids.settled(first);

        assertThat(ids.assign(Pdus.gsm("97699112233", "130092", "0")).messageId()).isEqualTo(second.messageId());
    }

    @Test
    void withATpMrOrAnSmscIdTheContentDecidesEvenAfterSettling() {
        MessageIds ids = new MessageIds("mobicom", CLOCK);
        MessageIds.Assigned first = ids.assign(Pdus.gsm("97699112233", "130092", "0", ref(7)));
        ids.settled(first);

        assertThat(ids.assign(Pdus.gsm("97699112233", "130092", "0", ref(7))).messageId())
                .as("an SMSC redelivering after a lost ESME_ROK").isEqualTo(first.messageId())
                .isEqualTo(MessageIds.contentId("mobicom", Pdus.gsm("97699112233", "130092", "0", ref(7))));
        assertThat(ids.assign(Pdus.gsm("97699112233", "130092", "0", ref(8))).messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    void openIdsAreForgottenAfterTheRetentionAndBounded() {
        MutableClock clock = new MutableClock();
        MessageIds ids = new MessageIds("mobicom", clock);
        MessageIds.Assigned open = ids.assign(Pdus.gsm("97699112233", "130092", "0"));
        clock.advance(MessageIds.OPEN_FOR.plusSeconds(1));
        assertThat(ids.assign(Pdus.gsm("97699112233", "130092", "0")).messageId()).isNotEqualTo(open.messageId());

        for (int i = 0; i < MessageIds.MAX_OPEN + 5; i++) {
            ids.assign(Pdus.gsm("97699112233", "130092", "text " + i));
        }
        assertThat(ids.openCount()).isEqualTo(MessageIds.MAX_OPEN);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-24T10:15:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static OptionalParameter ref(int tpMr) {
        return new OptionalParameter.User_message_reference((short) tpMr);
    }
}

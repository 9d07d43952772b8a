package mn.gov.khur.smsgateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import mn.gov.khur.smsgateway.testing.Pdus;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void gsm7BasicTableHas128Characters() {
        assertThat(Gsm7.BASIC).hasSize(128);
    }

    @Test
    void decodesGsm7DefaultAlphabet() {
        byte[] septets = {0x00, 0x01, 0x02, 0x10, 0x11, 0x20, 0x34, 0x38, 0x32, 0x39, 0x31, 0x33, 0x5F, 0x7F};
        assertThat(SmsText.decode((byte) 0x00, septets, false)).contains("@£$Δ_ 482913§à");
    }

    @Test
    void decodesGsm7ExtensionTable() {
        byte[] septets = {0x1B, 0x65, 0x1B, 0x28, 0x31, 0x1B, 0x29, 0x1B, 0x3C, 0x1B, 0x3E, 0x1B, 0x14, 0x1B, 0x40,
            0x1B, 0x2F, 0x1B, 0x3D};
        assertThat(SmsText.decode((byte) 0x00, septets, false)).contains("€{1}[]^|\\~");
    }

    @Test
    void decodesUcs2BigEndianIncludingMongolianLetters() {
        String text = "Код 482913 өү 😀";
        assertThat(SmsText.decode((byte) 0x08, text.getBytes(StandardCharsets.UTF_16BE), false)).contains(text);
    }

    @Test
    void decodesLatin1AsciiAndCyrillicCodings() {
        assertThat(SmsText.decode((byte) 0x03, "café 1".getBytes(StandardCharsets.ISO_8859_1), false))
                .contains("café 1");
        assertThat(SmsText.decode((byte) 0x01, "482913".getBytes(StandardCharsets.US_ASCII), false))
                .contains("482913");
        assertThat(SmsText.decode((byte) 0x06, new byte[] {(byte) 0xBA, (byte) 0xDE, (byte) 0xD4}, false))
                .contains("Код");
    }

    @Test
    void ignoresEightBitBinary() {
        assertThat(SmsText.decode((byte) 0x04, new byte[] {1, 2, 3}, false)).isEmpty();
        assertThat(SmsText.decode((byte) 0x02, new byte[] {1, 2, 3}, false)).isEmpty();
        assertThat(SmsText.decode((byte) 0xF4, new byte[] {1, 2, 3}, false)).isEmpty();
    }

    @Test
    void understandsGsmDataCodingGroups() {
        assertThat(SmsText.alphabet((byte) 0xF0)).isEqualTo(SmsText.Alphabet.GSM7);
        assertThat(SmsText.alphabet((byte) 0x18)).isEqualTo(SmsText.Alphabet.UCS2);
        assertThat(SmsText.alphabet((byte) 0x11)).isEqualTo(SmsText.Alphabet.GSM7);
        assertThat(SmsText.alphabet((byte) 0x35)).isEqualTo(SmsText.Alphabet.UNSUPPORTED); // compressed
    }

    @Test
    void stripsTheUserDataHeader() {
        byte[] withUdh = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x34, 0x38, 0x32};
        assertThat(SmsText.decode((byte) 0x00, withUdh, true)).contains("482");
    }

    @Test
    void readsMessagePayloadWhenShortMessageIsEmpty() {
        byte[] ucs2 = "Код 482913".getBytes(StandardCharsets.UTF_16BE);
        DeliverSm sm = Pdus.mo("97699112233", "130092", (byte) 0x08, new byte[0],
                new OptionalParameter.Message_payload(ucs2));
        assertThat(SmsText.decode(sm)).contains("Код 482913");
    }
}

package mn.gov.khur.sandbox.smsc;

import java.time.Instant;

/**
 * A submit_sm (mobile-terminated SMS) an ESME bound as transmitter/transceiver sent to the
 * simulator, kept so tests can assert what would have reached a handset.
 */
public record SubmittedMessage(String messageId, String from, String to, byte dataCoding, byte[] shortMessage,
                               Instant receivedAt) {
}

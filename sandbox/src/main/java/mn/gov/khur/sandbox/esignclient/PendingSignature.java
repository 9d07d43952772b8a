package mn.gov.khur.sandbox.esignclient;

import org.java_websocket.WebSocket;

/** A page's signing request waiting for the citizen to choose a token and enter the PIN. */
public record PendingSignature(String id, String origin, String data, WebSocket connection) {
}

package mn.gov.khur.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Reading what a client sent to a sandbox simulator. */
public final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** Answers 405 (no body) to anything but a POST; true when the handler should go on. */
    public static boolean requirePost(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.sendResponseHeaders(405, -1);
        return false;
    }

    /** The body as JSON, of which at most {@code maxBytes} are read; IOException when it is not JSON. */
    public static JsonNode jsonBody(HttpExchange exchange, int maxBytes) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return JSON.readTree(in.readNBytes(maxBytes));
        }
    }

    /** Form fields from the query string or, when there is none, from the body: scripts send the one, forms the other. */
    public static Map<String, String> formFields(HttpExchange exchange, int maxBodyBytes) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            return parseForm(query);
        }
        try (InputStream in = exchange.getRequestBody()) {
            return parseForm(new String(in.readNBytes(maxBodyBytes), StandardCharsets.UTF_8));
        }
    }

    /** Decodes {@code application/x-www-form-urlencoded}; a repeated field keeps its last value, a field without a name or '=' is dropped. */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}

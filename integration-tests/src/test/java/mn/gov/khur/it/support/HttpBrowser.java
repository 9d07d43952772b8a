package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies, follows redirects within the IdP, submits forms as
 * a person pressing the button would. Stops at the first redirect leaving the IdP (the RP's
 * callback), so tests can hand it to the relying party.
 */
public final class HttpBrowser {

    private final HttpClient http;
    private final String acceptLanguage;
    /**
     * Our own jar: Keycloak marks its cookies Secure, which the JDK's CookieManager won't send over http://localhost.
     * Keyed by path and name: the sandbox banks are realms of the same server, whose cookies have the same
     * names (AUTH_SESSION_ID, …) under another path.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Page current;

    private final String idpBaseUrl;

    public HttpBrowser(String acceptLanguage) {
        this(acceptLanguage, KeycloakServer.BASE_URL);
    }

    public HttpBrowser(String acceptLanguage, String idpBaseUrl) {
        this(acceptLanguage, idpBaseUrl, null);
    }

    private HttpBrowser(String acceptLanguage, String idpBaseUrl, InetAddress localAddress) {
        this.acceptLanguage = acceptLanguage;
        this.idpBaseUrl = idpBaseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    /**
     * A browser on another network: its connections leave from {@code from}, e.g. {@code 127.0.0.7} (all of
     * 127.0.0.0/8 is loopback), which Keycloak sees as the client address. No forwarded header is involved.
     */
    public static HttpBrowser from(InetAddress from, String acceptLanguage) {
        return new HttpBrowser(acceptLanguage, KeycloakServer.BASE_URL, from);
    }

    /** {@code 127.0.0.n}: a client address of its own for a test that needs several networks. */
    public static InetAddress loopback(int n) {
        if (n < 1 || n > 254) {
            throw new IllegalArgumentException("127.0.0." + n);
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpBrowser() {
        this("mn");
    }

    public Page open(URI uri) {
        return follow(request(uri).GET().build());
    }

    /**
     * Fills the named fields of the form containing {@code submitSelector} and presses that button. Like every
     * browser, says where the form came from: {@code Origin} is the origin of the page holding the form.
     */
    public Page submit(String formSelector, Map<String, String> fields, String submitName) {
        return submitWithHeaders(formSelector, fields, submitName, Map.of("Origin", origin(current.uri())));
    }

    /**
     * Like {@link #submit} but with exactly these provenance headers ({@code Origin}, {@code Referer}) instead of
     * the page's own: the same form posted by another site (an attacker's page auto-submitting a copy of it).
     */
    public Page submitWithHeaders(String formSelector, Map<String, String> fields, String submitName, Map<String, String> headers) {
        Element form = current.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on page:\n" + current.document().body().text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (!type.equals("submit") && !type.equals("checkbox") && !type.equals("radio")) {
                values.put(input.attr("name"), input.attr("value"));
            }
        }
        values.putAll(fields);
        if (submitName != null) {
            values.put(submitName, "");
        }
        URI action = current.uri().resolve(form.attr("action"));
        String body = values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder post = request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(post::header);
        return follow(post.build());
    }

    /** {@code scheme://host[:port]} as a browser writes it in {@code Origin}. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public Page current() {
        return current;
    }

    public HttpResponse<String> get(URI uri) {
        return send(request(uri).GET().build());
    }

    private Page follow(HttpRequest first) {
        HttpRequest request = first;
        for (int hops = 0; hops < 10; hops++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                URI next = request.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (!next.toString().startsWith(idpBaseUrl)) {
                    current = new Page(next, status, null, response.body());
                    return current;
                }
                request = request(next).GET().build();
                continue;
            }
            current = new Page(request.uri(), status, Jsoup.parse(response.body(), request.uri().toString()), response.body());
            return current;
        }
        throw new AssertionError("Too many redirects");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept-Language", acceptLanguage)
                .timeout(Duration.ofSeconds(30));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String header = cookies.entrySet().stream()
                .filter(e -> pathMatches(path, cookiePath(e.getKey())))
                .map(e -> cookieName(e.getKey()) + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        if (!header.isEmpty()) {
            builder.header("Cookie", header);
        }
        return builder;
    }

    private void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = cookiePath(header, response.uri()) + " " + pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** A cookie a page's script would have set ({@code document.cookie}), for a browser without script. */
    public void setScriptCookie(String path, String name, String value) {
        cookies.put(path + " " + name, value);
    }

    /** Cookie names and values currently held (for the same name under several paths: the last one), for tests of session handling. */
    public Map<String, String> cookies() {
        Map<String, String> byName = new LinkedHashMap<>();
        cookies.forEach((key, value) -> byName.put(cookieName(key), value));
        return Map.copyOf(byName);
    }

    private static String cookiePath(String setCookieHeader, URI from) {
        for (String attribute : setCookieHeader.split(";")) {
            String[] kv = attribute.trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("path") && kv[1].trim().startsWith("/")) {
                return kv[1].trim();
            }
        }
        String requestPath = from.getRawPath() == null ? "" : from.getRawPath();
        int slash = requestPath.lastIndexOf('/');
        return slash <= 0 ? "/" : requestPath.substring(0, slash); // RFC 6265 default path
    }

    private static String cookiePath(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    private static String cookieName(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath) || cookiePath.equals("/")) {
            return true;
        }
        String prefix = cookiePath.endsWith("/") ? cookiePath : cookiePath + "/";
        return requestPath.startsWith(prefix) || (requestPath + "/").equals(prefix);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            remember(response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page the IdP showed, or (document null) the redirect that left the IdP. */
    public record Page(URI uri, int status, Document document, String body) {

        public boolean leftIdp() {
            return document == null;
        }

        public String text(String selector) {
            Element element = document.selectFirst(selector);
            if (element == null) {
                throw new AssertionError("No " + selector + " on page " + uri + ":\n" + document.body().text());
            }
            return element.text();
        }

        public boolean has(String selector) {
            return document != null && document.selectFirst(selector) != null;
        }
    }
}

package mn.gov.khur.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.Configurable;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * A {@link java.net.http.HttpClient} whose exchanges go through an Apache {@link CloseableHttpClient}: Keycloak's,
 * from {@code HttpClientProvider}, so that its {@code proxy-mappings}, truststore, connection and socket timeouts
 * and pool apply to our calls while the adapters keep their JDK-client code. Blocking {@code send} only (what the
 * adapters use); redirects are never followed (as the adapters' JDK clients were built); the request's timeout, if
 * any, is a deadline on top of Keycloak's socket timeout, and ends the exchange with {@link HttpTimeoutException}.
 */
final class ApacheBackedHttpClient extends HttpClient {

    /** Bodies larger than this are refused: our peers answer a few kilobytes. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "khur-http-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<CloseableHttpClient> apache;
    private final HttpClient withoutApache;
    private final Duration connectTimeout;

    /**
     * @param apache the client to use, or a supplier of null when there is none (then {@code withoutApache} serves)
     */
    ApacheBackedHttpClient(Supplier<CloseableHttpClient> apache, HttpClient withoutApache, Duration connectTimeout) {
        this.apache = apache;
        this.withoutApache = withoutApache;
        this.connectTimeout = connectTimeout;
    }

    ApacheBackedHttpClient(Supplier<CloseableHttpClient> apache, Duration connectTimeout) {
        this(apache, null, connectTimeout);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CloseableHttpClient client = apache.get();
        if (client == null) {
            if (withoutApache == null) {
                throw new IOException("no HTTP client");
            }
            return withoutApache.send(request, handler);
        }
        RequestBuilder builder = RequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        Optional<byte[]> body = request.bodyPublisher().map(ApacheBackedHttpClient::collect);
        if (body.isPresent() && (body.get().length > 0 || !request.method().equals("GET"))) {
            builder.setEntity(new ByteArrayEntity(body.get()));
        }
        // Keycloak's own timeouts and proxy route stay; only redirects are switched off for these calls
        RequestConfig defaults = client instanceof Configurable configurable && configurable.getConfig() != null
                ? configurable.getConfig() : RequestConfig.DEFAULT;
        builder.setConfig(RequestConfig.copy(defaults).setRedirectsEnabled(false).build());
        HttpUriRequest apacheRequest = builder.build();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = request.timeout().<ScheduledFuture<?>>map(timeout -> DEADLINES.schedule(() -> {
            timedOut.set(true);
            if (apacheRequest instanceof org.apache.http.client.methods.AbstractExecutionAwareRequest abortable) {
                abortable.abort();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
        try (CloseableHttpResponse response = client.execute(apacheRequest)) {
            int status = response.getStatusLine().getStatusCode();
            HttpHeaders headers = headers(response.getAllHeaders());
            byte[] content = boundedBody(response.getEntity(), apacheRequest, request);
            T value = deliver(handler, status, headers, content);
            return new Response<>(status, request, headers, value);
        } catch (IOException e) {
            if (timedOut.get()) {
                HttpTimeoutException timeout = new HttpTimeoutException("request timed out: " + request.uri());
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /**
     * The body, refused when over {@link #MAX_BODY_BYTES}: on its announced Content-Length before reading, else once
     * max + 1 bytes have come. The exchange is aborted, never drained: closing the entity's stream would read the
     * rest of an answer that may be hundreds of MiB.
     */
    private static byte[] boundedBody(HttpEntity entity, HttpUriRequest apacheRequest, HttpRequest request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > MAX_BODY_BYTES) {
            abort(apacheRequest);
            throw new IOException("response with Content-Length " + entity.getContentLength() + " from " + request.uri()
                    + " (more than " + MAX_BODY_BYTES + " bytes)");
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        byte[] content = in.readNBytes(MAX_BODY_BYTES + 1);
        if (content.length > MAX_BODY_BYTES) {
            abort(apacheRequest);
            throw new IOException("response of more than " + MAX_BODY_BYTES + " bytes from " + request.uri());
        }
        in.close(); // at the end already: releases the connection for reuse
        return content;
    }

    private static void abort(HttpUriRequest apacheRequest) {
        if (apacheRequest instanceof org.apache.http.client.methods.AbstractExecutionAwareRequest abortable) {
            abortable.abort();
        }
    }

    private static <T> T deliver(HttpResponse.BodyHandler<T> handler, int status, HttpHeaders headers, byte[] content)
            throws IOException, InterruptedException {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            public int statusCode() {
                return status;
            }

            public HttpHeaders headers() {
                return headers;
            }

            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        });
        AtomicBoolean delivered = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n > 0 && delivered.compareAndSet(false, true)) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(content)));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                delivered.set(true);
            }
        });
        try {
            return subscriber.getBody().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The request body publisher's bytes (ours are all in memory: BodyPublishers.ofByteArray/ofString). */
    private static byte[] collect(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(bytes.toByteArray());
            }
        });
        return result.join();
    }

    private static HttpHeaders headers(Header[] all) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : all) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private record Response<T>(int statusCode, HttpRequest request, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CompletionException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    /** Routing is Keycloak's (proxy-mappings), not a JDK proxy selector. */
    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SSLParameters sslParameters() {
        return sslContext().getDefaultSSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}

package org.storygraph.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One conditional GET of a feed with the JDK's HTTP client: {@code If-None-Match} / {@code If-Modified-Since} from
 * the last response, redirects followed by hand only within the same scheme (http to http, https to https, at most
 * {@code maxRedirects}), the body cut off past {@code maxSize}, and the whole fetch, body included, within
 * {@code timeout}.
 */
final class FeedFetcher implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** What a fetch brought. */
    sealed interface Result {
    }

    /** A 200 with its body. */
    record Fetched(int status, byte[] body, String contentType, String etag, String lastModified) implements Result {
    }

    /** 304: the feed did not change since the ETag / time sent. */
    record NotModified(String etag, String lastModified) implements Result {
    }

    /** No usable response; {@code status} 0 when none came at all. */
    record Failed(int status, String error) implements Result {
    }

    private final HttpClient client;
    private final long maxSize;
    private final Duration timeout;
    private final int maxRedirects;
    private final String userAgent;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-fetch-deadline");
        t.setDaemon(true);
        return t;
    });

    FeedFetcher(FeedsProperties properties) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
        this.maxSize = properties.maxSize().toBytes();
        this.timeout = properties.timeout();
        this.maxRedirects = properties.maxRedirects();
        this.userAgent = properties.userAgent();
    }

    Result fetch(String url, String etag, String lastModified) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = URI.create(url);
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                    .timeout(remaining(deadline))
                    .header("User-Agent", userAgent)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                            + "text/xml;q=0.9, */*;q=0.1");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response;
            java.util.concurrent.CompletableFuture<HttpResponse<InputStream>> pending = null;
            try {
                pending = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                response = pending.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true); // gives up the exchange (and its connection)
                return new Failed(0, "no response within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(0, "interrupted");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    return new Failed(0, "no response within " + timeout.toSeconds() + " s");
                }
                return new Failed(0, "fetch failed: " + describe(cause));
            } catch (IllegalArgumentException e) {
                return new Failed(0, "fetch failed: " + describe(e));
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                closeQuietly(response.body());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new Failed(status, "redirect without a Location");
                }
                if (redirects >= maxRedirects) {
                    return new Failed(status, "more than " + maxRedirects + " redirects");
                }
                URI next;
                try {
                    next = uri.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    return new Failed(status, "invalid redirect Location: " + describe(e));
                }
                if (next.getScheme() == null || !next.getScheme().equalsIgnoreCase(uri.getScheme())) {
                    return new Failed(status, "redirect from " + uri.getScheme() + " to another scheme refused ("
                            + next.getScheme() + ")");
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                closeQuietly(response.body());
                return new NotModified(response.headers().firstValue("ETag").orElse(etag),
                        response.headers().firstValue("Last-Modified").orElse(lastModified));
            }
            if (status != 200) {
                closeQuietly(response.body());
                return new Failed(status, "HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxSize) {
                closeQuietly(response.body());
                return new Failed(status, "response of " + declared + " bytes exceeds the limit of " + maxSize);
            }
            InputStream body = response.body();
            // the client's read timeout covers the headers only: the deadline closes the stream under a slow body
            ScheduledFuture<?> cut = deadlines.schedule(() -> closeQuietly(body), remaining(deadline).toNanos(),
                    TimeUnit.NANOSECONDS);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    if (out.size() + (long) n > maxSize) {
                        return new Failed(status, "response exceeds the limit of " + maxSize + " bytes");
                    }
                    out.write(buffer, 0, n);
                    if (System.nanoTime() > deadline) {
                        return new Failed(status, "response not complete within " + timeout.toSeconds() + " s");
                    }
                }
                if (System.nanoTime() > deadline) {
                    return new Failed(status, "response not complete within " + timeout.toSeconds() + " s");
                }
                return new Fetched(status, out.toByteArray(), response.headers().firstValue("Content-Type")
                        .orElse(null), response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    return new Failed(status, "response not complete within " + timeout.toSeconds() + " s");
                }
                return new Failed(status, "reading the response failed: " + describe(e));
            } finally {
                cut.cancel(false);
                closeQuietly(body);
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String name = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.replaceAll("\\s+", " ");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close();
    }
}

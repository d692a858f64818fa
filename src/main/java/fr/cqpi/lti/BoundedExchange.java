package fr.cqpi.lti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange with a platform that cannot hold the tool: one deadline for connection, headers and
 * body together (a drip-fed answer is cut), a capped body (a huge answer is cut, not buffered), and no
 * redirect followed (a 3xx is an answer like any other).
 */
final class BoundedExchange {

    static final int MAX_BODY_BYTES = 256 * 1024;

    /** Why an exchange gave no usable answer; {@link #code()} names it for the administrator. */
    static final class Failure extends Exception {
        private final String code;

        Failure(String code, Throwable cause) {
            super(code, cause);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    record Answer(int status, String body) {}

    private final HttpClient client;
    private final Duration deadline;

    BoundedExchange(Duration deadline) {
        this.deadline = deadline;
        this.client = HttpClient.newBuilder()
                .connectTimeout(deadline)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Duration deadline() {
        return deadline;
    }

    Answer send(HttpRequest request) throws Failure {
        AtomicBoolean tooLarge = new AtomicBoolean();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new CappedBody(MAX_BODY_BYTES, tooLarge));
        try {
            HttpResponse<String> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Failure("timeout", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        } catch (ExecutionException e) {
            // Cancelling the download may surface as the client's own "stream cancelled" error.
            throw new Failure(tooLarge.get() ? "tooLarge" : "unreachable", e.getCause());
        }
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("answer larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** Collects the body until it passes the cap, then cancels the download. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {
        private final int max;
        private final AtomicBoolean tooLarge;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max, AtomicBoolean tooLarge) {
            this.max = max;
            this.tooLarge = tooLarge;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > max) {
                    tooLarge.set(true);
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}

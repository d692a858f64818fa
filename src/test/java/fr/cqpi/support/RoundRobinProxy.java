package fr.cqpi.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small HTTP reverse proxy on loopback that sends each request to the next instance in turn, without any
 * stickiness: the login initiation, the id_token POST and the first page of one launch usually land on different
 * instances, as behind a round-robin load balancer.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** Hop-by-hop headers, and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "http2-settings");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(160);
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(clientThreads)
            .build();
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final Map<Integer, LongAdder> served = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final AtomicLong next = new AtomicLong();

    private RoundRobinProxy(HttpServer server) {
        this.server = server;
    }

    public static RoundRobinProxy start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            RoundRobinProxy proxy = new RoundRobinProxy(server);
            server.createContext("/", proxy::forward);
            server.setExecutor(proxy.workers);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL the instances are configured with ({@code cqpi.base-url}) and the platforms know. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public RoundRobinProxy addBackend(int port) {
        served.putIfAbsent(port, new LongAdder());
        backends.add(port);
        return this;
    }

    /** How many requests the instance on this port answered through the proxy. */
    public long served(int backendPort) {
        return served.get(backendPort).sum();
    }

    /** Requests the proxy could not forward (502). */
    public long failures() {
        return failures.sum();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            if (backends.isEmpty()) {
                reply(exchange, 503, new byte[0]);
                return;
            }
            int backend = backends.get((int) (next.getAndIncrement() % backends.size()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + backend + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures.increment();
                reply(exchange, 502, new byte[0]);
                return;
            }
            served.get(backend).increment();
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            reply(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty =
                body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        clientThreads.shutdownNow();
    }
}

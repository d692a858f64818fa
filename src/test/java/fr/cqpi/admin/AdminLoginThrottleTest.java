package fr.cqpi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Password guessing on the administrator's login, through real HTTP from two loopback addresses
 * (127.0.0.1 and 127.0.0.2), in a context of its own so that blocking loopback does not affect other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminLoginThrottleTest {

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * An HTTP Basic call to the admin API from a given loopback source address (a raw socket: the JDK 17
     * HTTP client cannot choose its source address, and Linux would pick 127.0.0.1).
     */
    int api(String sourceAddress, String user, String password) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String credentials =
                    Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            String request = "POST /admin/api/registration-invitations HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** A form login (fresh page and CSRF token each time) from 127.0.0.1. */
    int formLogin(String user, String password) throws Exception {
        var jar = new CookieManager();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "http://127.0.0.1:" + port;
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = AdminTest.csrfField(page).get("X-CSRF-TOKEN");
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=" + password + "&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() == 302) {
            return login.headers().firstValue("Location").orElse("").endsWith("?error") ? 401 : 200;
        }
        return login.statusCode();
    }

    @Test
    void tenFailuresBlockTheAddressAndTheUserNameForFifteenMinutes() throws Exception {
        assertThat(formLogin("admin", "test-admin-password")).isEqualTo(200);
        for (int i = 0; i < AdminLoginThrottle.MAX_FAILURES; i++) {
            assertThat(formLogin("admin", "guess-" + i)).isEqualTo(401);
        }
        // Blocked: even the right password, by form or by HTTP Basic.
        assertThat(formLogin("admin", "test-admin-password")).isEqualTo(429);
        assertThat(api("127.0.0.1", "admin", "test-admin-password")).isEqualTo(429);
        // Per address: another user name from the same address.
        assertThat(api("127.0.0.1", "someone", "x")).isEqualTo(429);
        // Per user name: the same name from another address.
        assertThat(api("127.0.0.2", "admin", "test-admin-password")).isEqualTo(429);
        // Another name from another address is not blocked.
        assertThat(api("127.0.0.2", "someone", "x")).isEqualTo(401);

        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(api("127.0.0.1", "admin", "test-admin-password")).isEqualTo(429);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(api("127.0.0.1", "admin", "test-admin-password")).isEqualTo(201);
        assertThat(formLogin("admin", "test-admin-password")).isEqualTo(200);
    }
}

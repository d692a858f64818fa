package fr.cqpi.lti;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Where a login's state waits: the session always, the database unless the browser is known to keep the tool's
 * cookies; at the launch both copies are spent and the session's wins, which marks the browser's cookies as working.
 */
class LaunchStateRepositoryTest {

    /** The database copy, in memory: what the tests look at is which copies are kept and spent. */
    static final class Database extends JdbcAuthorizationRequestRepository {
        final Map<String, OAuth2AuthorizationRequest> rows = new HashMap<>();
        final List<String> removed = new ArrayList<>();

        Database() {
            super(null);
        }

        @Override
        public void saveAuthorizationRequest(
                OAuth2AuthorizationRequest request, HttpServletRequest http, HttpServletResponse response) {
            rows.put(request.getState(), request);
        }

        @Override
        public OAuth2AuthorizationRequest removeAuthorizationRequest(
                HttpServletRequest http, HttpServletResponse response) {
            String state = http.getParameter("state");
            removed.add(state);
            return rows.remove(state);
        }
    }

    final Database database = new Database();
    final LaunchStateRepository states = new LaunchStateRepository(database);
    final MockHttpSession session = new MockHttpSession();

    static OAuth2AuthorizationRequest login(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://lms.example/auth")
                .clientId("client")
                .state(state)
                .build();
    }

    MockHttpServletRequest request(String state, Cookie... cookies) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", LtiPaths.LAUNCH);
        request.setSession(session);
        if (state != null) {
            request.setParameter("state", state);
        }
        if (cookies.length > 0) {
            request.setCookies(cookies);
        }
        return request;
    }

    @Test
    void aLoginIsKeptInTheSessionAndTheDatabase() {
        states.saveAuthorizationRequest(login("s1"), request(null), new MockHttpServletResponse());
        assertThat(database.rows).containsKey("s1");
        assertThat(states.loadAuthorizationRequest(request("s1")).getState()).isEqualTo("s1");
    }

    @Test
    void aBrowserWhoseCookiesWorkedKeepsItsLoginInTheSessionOnly() {
        MockHttpServletRequest login = request(null, new Cookie(LaunchStateRepository.WORKING_COOKIES, "true"));
        assertThat(states.hasWorkingSession(login)).isTrue();
        states.saveAuthorizationRequest(login("s1"), login, new MockHttpServletResponse());
        assertThat(database.rows).isEmpty();
        assertThat(states.loadAuthorizationRequest(request("s1")).getState()).isEqualTo("s1");
    }

    @Test
    void theSessionsCopyWinsBothAreSpentAndTheBrowsersCookiesAreMarkedAsWorking() {
        states.saveAuthorizationRequest(login("s1"), request(null), new MockHttpServletResponse());
        MockHttpServletRequest launch = request("s1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(states.removeAuthorizationRequest(launch, response).getState())
                .isEqualTo("s1");

        assertThat(database.removed).containsExactly("s1");
        assertThat(database.rows).isEmpty();
        assertThat(states.hasWorkingSession(launch)).isTrue();
        Cookie marker = response.getCookie(LaunchStateRepository.WORKING_COOKIES);
        assertThat(marker).isNotNull();
        assertThat(marker.getSecure()).isTrue();
        assertThat(marker.isHttpOnly()).isTrue();
        assertThat(marker.getPath()).isEqualTo("/");
        assertThat(marker.getMaxAge()).isEqualTo(356 * 24 * 3600);
        assertThat(states.removeAuthorizationRequest(request("s1"), new MockHttpServletResponse()))
                .as("used once")
                .isNull();
    }

    @Test
    void withoutTheSessionsCopyTheDatabasesIsTakenAndNothingIsMarked() {
        database.rows.put("s2", login("s2"));
        MockHttpServletRequest launch = new MockHttpServletRequest("POST", LtiPaths.LAUNCH);
        launch.setParameter("state", "s2");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(states.removeAuthorizationRequest(launch, response).getState())
                .isEqualTo("s2");

        assertThat(response.getCookie(LaunchStateRepository.WORKING_COOKIES)).isNull();
        assertThat(states.hasWorkingSession(launch)).isFalse();
        assertThat(launch.getSession(false)).as("no session is started").isNull();
    }

    @Test
    void anotherStateThanTheSessionsFindsNothingThereAndLeavesItsLoginWaiting() {
        states.saveAuthorizationRequest(login("mine"), request(null), new MockHttpServletResponse());
        database.rows.clear();
        assertThat(states.removeAuthorizationRequest(request("forged"), new MockHttpServletResponse()))
                .isNull();
        assertThat(states.loadAuthorizationRequest(request("mine"))).isNotNull();
    }
}

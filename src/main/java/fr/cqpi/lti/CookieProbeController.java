package fr.cqpi.lti;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asked by the login step's page when its frame cannot keep a secret: whether the session cookie that page's answer
 * set came back (a partitioned cookie does, inside an LMS frame of a browser that blocks third-party cookies).
 * Says nothing about the session itself.
 */
@RestController
class CookieProbeController {

    static final String PATH = "/lti/cookies";

    @GetMapping(PATH)
    ResponseEntity<Map<String, Boolean>> probe(HttpServletRequest request) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("cookies", JdbcAuthorizationRequestRepository.bringsCookies(request)));
    }
}

package fr.cqpi.lti;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool's public keys, for platforms to verify client assertions and deep-linking responses. */
@RestController
class JwksController {

    private final ToolKeys toolKeys;

    JwksController(ToolKeys toolKeys) {
        this.toolKeys = toolKeys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(toolKeys.publicKeys().toJSONObject(true));
    }
}

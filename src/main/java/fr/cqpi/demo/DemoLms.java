package fr.cqpi.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fr.cqpi.lti.Platform;
import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A small LTI 1.3 platform served by the same process over real HTTP, registered with the tool like
 * any other platform. Its key pair lives in memory: after a restart the tool refetches its key set.
 */
@Profile("demo")
@Component
class DemoLms {

    private static final Logger log = LoggerFactory.getLogger(DemoLms.class);
    static final String CLIENT_ID = "cqpi-demo-client";
    static final String DEPLOYMENT_ID = "demo-deployment-1";

    private final DemoLmsProperties properties;
    private final PlatformRegistry registry;
    private final DemoCohortSeed cohort;
    private final RSAKey key;
    private volatile int port;

    DemoLms(DemoLmsProperties properties, PlatformRegistry registry, DemoCohortSeed cohort) throws JOSEException {
        this.properties = properties;
        this.registry = registry;
        this.cohort = cohort;
        this.key = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
    }

    @EventListener
    void register(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        port = event.getWebServer().getPort();
        Platform platform = registry.upsert(new PlatformDefinition(
                "LMS de démonstration",
                issuer(),
                CLIENT_ID,
                List.of(DEPLOYMENT_ID),
                lmsBase() + "/demo/auth",
                lmsBase() + "/demo/token",
                lmsBase() + "/demo/jwks"));
        if (properties.seedCohort()) {
            cohort.seed(platform, lmsBase());
        }
        log.info("Demo LMS registered: open {}/demo", lmsBase());
    }

    String issuer() {
        return lmsBase() + "/demo";
    }

    String lmsBase() {
        return properties.scheme() + "://" + properties.lmsHost() + ":" + port;
    }

    String toolBase() {
        return properties.scheme() + "://" + properties.toolHost() + ":" + port;
    }

    RSAKey key() {
        return key;
    }
}

package fr.cqpi.gradesync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grade service's token goes only to the platform's own origins, and to those the administrator added. */
class GradeServiceOriginsTest extends GradebookTest {

    @Test
    void aGradeServiceClaimedOnAnotherOriginGetsNoTokenAndTheSyncPageSaysWhy() {
        var attacker = attacker();
        try {
            newGradebook("foreign-ags");
            launchAll(attackerUrl(attacker) + "/lineitems", "ruth");
            assertThat(trainer.get("/app").statusCode()).as("the launch works").isEqualTo(200);
            judge("ruth", "C1.1", "ACQUIS");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(status("ruth", "B1")).isEqualTo("FAILED"));
            assertThat(attacker.getAllServeEvents())
                    .as("nothing reached the foreign origin")
                    .isEmpty();
            String page = trainer.get("/app/sync").body();
            assertThat(page)
                    .contains("Service de notes indisponible")
                    .contains(attackerUrl(attacker) + "/lineitems")
                    .contains("is not one of the platform&#39;s service origins");
        } finally {
            attacker.stop();
        }
    }

    @Test
    void anOriginTheAdministratorAddedReceivesTheToken() {
        var institution = attacker();
        try {
            newGradebook("canvas-like");
            String container = attackerUrl(institution) + prefix + "/api/lti/courses/7/line_items";
            institution.stubFor(get(urlPathEqualTo(prefix + "/api/lti/courses/7/line_items"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", LineItem.CONTAINER)
                            .withBody("[" + item(container, 4, "B4") + "]")));
            institution.stubFor(post(urlPathMatching(prefix + "/api/lti/courses/7/line_items/4/scores"))
                    .willReturn(aResponse().withStatus(204)));
            // The administrator added the institution's origin (Canvas: AGS on the school's domain).
            registerTokenEndpoint(List.of(attackerUrl(institution)));
            launchAll(container, "sam");
            judge("sam", "C9.1", "ACQUIS");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(
                                    institution.findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores"))))
                            .isNotEmpty());
            assertThat(institution
                            .findAll(postRequestedFor(urlPathMatching(prefix + "/.*/scores")))
                            .get(0)
                            .getHeader("Authorization"))
                    .isEqualTo("Bearer tok-" + platform.clientId());
        } finally {
            institution.stop();
        }
    }
}

package fr.cqpi.gradesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.course.LearnerRef;
import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.EvaluationState;
import fr.cqpi.evaluation.Results;
import fr.cqpi.support.ToolIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.IllegalTransactionStateException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The outbox is written only inside the judgment's transaction; its state is visible to operations. */
class OutboxOwnershipTest extends ToolIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aBlocChangePublishedOutsideATransactionIsRefusedAndWritesNothing() {
        long before = rows();
        var changed = new BlocResultsChanged(
                1,
                1,
                new LearnerRef(1, "nobody"),
                List.of(new Results.BlocResult(
                        "B1", EvaluationState.EN_COURS, null, null, new BigDecimal("3.33"), 1, 1, 30)));
        assertThatThrownBy(() -> events.publishEvent(changed)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void metricsShowTheOutboxToTheAdministratorOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String metric = "/actuator/metrics/" + GradeSyncMetrics.ROWS + "?tag=status:pending";
        assertThat(get(http, metric, null).statusCode()).isEqualTo(401);
        assertThat(get(http, metric, "admin:wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> pending = get(http, metric, "admin:test-admin-password");
        assertThat(pending.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(pending.body());
        assertThat(body.get("name").asText()).isEqualTo(GradeSyncMetrics.ROWS);
        assertThat(body.at("/measurements/0/value").asDouble())
                .isEqualTo(jdbc.sql("select count(*) from grade_outbox where status = 'PENDING'")
                        .query(Long.class)
                        .single()
                        .doubleValue());

        HttpResponse<String> prometheus = get(http, "/actuator/prometheus", "admin:test-admin-password");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("cqpi_gradesync_outbox_rows{").contains("status=\"failed\"");
        assertThat(get(http, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(HttpClient http, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rows() {
        return jdbc.sql("select count(*) from grade_outbox").query(Long.class).single();
    }
}

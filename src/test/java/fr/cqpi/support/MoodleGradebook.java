package fr.cqpi.support;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A stateful fake of Moodle 5.1's score service for WireMock, refusing like Moodle does
 * ({@code mod/lti/service/gradebookservices/classes/local/resources/scores.php} and
 * {@code gradebookservices::save_grade_item}, on a line item created through AGS, i.e. a « manual » grade item):
 * <ul>
 *   <li>409, with « Refusing score with an earlier timestamp for item N and user U » in the status line and
 *       {@code []} as the body, when the grade held has a {@code timemodified} and it is {@code >=} the score's
 *       timestamp, both in whole seconds ({@code strtotime});
 *   <li>a score that is not {@code FullyGraded} loses its {@code scoreGiven}; the grade then takes Moodle's own
 *       clock ({@code time()}) as {@code timemodified}, a FullyGraded one its timestamp;
 *   <li>a score that changes neither the grade nor the feedback leaves {@code timemodified} as it was.
 * </ul>
 * Stubs use it with {@code .withTransformers(MoodleGradebook.NAME)}.
 */
public final class MoodleGradebook implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "moodle-gradebook";
    public static final MoodleGradebook INSTANCE = new MoodleGradebook();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One learner's grade in one item, as Moodle's {@code grade_grades} row holds it. */
    public record Grade(long timemodified, BigDecimal finalGrade, String feedback) {}

    /** A score Moodle answered, with what it answered. */
    public record Answer(String item, String userId, String timestamp, int status) {}

    private final Map<String, Grade> grades = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    private MoodleGradebook() {}

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String item = event.getRequest().getUrl().replaceAll("\\?.*", "");
        JsonNode score;
        try {
            score = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (Exception e) {
            return incorrect(event);
        }
        if (score == null
                || !score.hasNonNull("userId")
                || !score.hasNonNull("timestamp")
                || !score.hasNonNull("gradingProgress")
                || !score.hasNonNull("activityProgress")
                || (score.hasNonNull("scoreGiven") && !score.get("scoreGiven").isNumber())
                || (score.hasNonNull("scoreGiven") && !score.hasNonNull("scoreMaximum"))) {
            return incorrect(event);
        }
        String user = score.get("userId").asText();
        String timestamp = score.get("timestamp").asText();
        long seconds;
        try {
            seconds = Instant.parse(timestamp).getEpochSecond();
        } catch (DateTimeParseException e) {
            return incorrect(event);
        }
        String key = item + " " + user;
        synchronized (this) {
            Grade held = grades.get(key);
            if (held != null && held.timemodified() != 0 && held.timemodified() >= seconds) {
                answers.add(new Answer(item, user, timestamp, 409));
                return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                        .but()
                        .withStatus(409)
                        .withStatusMessage("Refusing score with an earlier timestamp for item " + itemId(item)
                                + " and user " + user)
                        .withBody("[]")
                        .build();
            }
            boolean fullyGraded =
                    "FullyGraded".equals(score.get("gradingProgress").asText());
            BigDecimal finalGrade = fullyGraded && score.hasNonNull("scoreGiven")
                    ? score.get("scoreGiven").decimalValue()
                    : null;
            Long timemodified = finalGrade != null ? seconds : null;
            String feedback = score.hasNonNull("comment")
                            && !score.get("comment").asText().isEmpty()
                    ? score.get("comment").asText()
                    : null;
            if (held == null) {
                grades.put(key, new Grade(timemodified != null ? timemodified : now(), finalGrade, feedback));
            } else if (different(held.finalGrade(), finalGrade) || !Objects.equals(held.feedback(), feedback)) {
                grades.put(key, new Grade(timemodified != null ? timemodified : now(), finalGrade, feedback));
            }
            answers.add(new Answer(item, user, timestamp, 200));
        }
        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .but()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.ims.lis.v1.score+json; charset=utf-8")
                .withBody("[]")
                .build();
    }

    /** The grade Moodle holds for a learner in a line item (the path of its scores URL), or null. */
    public Grade grade(String itemPath, String userId) {
        return grades.get(itemPath + " " + userId);
    }

    /** Pretends Moodle's clock stored a grade at this time (for instance a clock ahead of the tool's). */
    public void hold(String itemPath, String userId, Grade grade) {
        grades.put(itemPath + " " + userId, grade);
    }

    /** Every score answered for a line item (the path of its scores URL), in order. */
    public List<Answer> answers(String itemPath) {
        return answers.stream().filter(a -> a.item().equals(itemPath)).toList();
    }

    private static boolean different(BigDecimal a, BigDecimal b) {
        return a == null ? b != null : b == null || a.compareTo(b) != 0;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String itemId(String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].equals("lineitem")) {
                return parts[i - 1];
            }
        }
        return path;
    }

    private static ResponseDefinition incorrect(ServeEvent event) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                .but()
                .withStatus(400)
                .withBody("Incorrect score received" + event.getRequest().getBodyAsString())
                .build();
    }
}

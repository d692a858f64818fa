package fr.cqpi.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo LMS's gradebook, kept in memory: it is a stand-in platform, not part of the tool. It stores a
 * score the way Moodle does: the grade only when gradingProgress is FullyGraded.
 */
@Profile("demo")
@Component
public class DemoGradebook {

    public record LineItem(
            long id, String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {}

    public record Score(
            String userId,
            Double scoreGiven,
            double scoreMaximum,
            String activityProgress,
            String gradingProgress,
            String comment,
            Instant timestamp,
            Instant receivedAt) {}

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, LineItem> lineItems = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Score>> scores = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    LineItem create(String label, double max, String resourceId, String tag, String resourceLinkId) {
        LineItem item = new LineItem(ids.incrementAndGet(), label, max, resourceId, tag, resourceLinkId);
        lineItems.put(item.id(), item);
        return item;
    }

    List<LineItem> lineItems() {
        return lineItems.values().stream()
                .sorted(Comparator.comparingLong(LineItem::id))
                .toList();
    }

    Optional<LineItem> lineItem(long id) {
        return Optional.ofNullable(lineItems.get(id));
    }

    /** Keeps the newest score per user; an older timestamp than the stored one is ignored, as platforms do. */
    void score(long lineItemId, Score score) {
        received.incrementAndGet();
        scores.computeIfAbsent(lineItemId, id -> new ConcurrentHashMap<>())
                .merge(
                        score.userId(),
                        score,
                        (old, fresh) -> fresh.timestamp().isBefore(old.timestamp()) ? old : fresh);
    }

    Map<String, Score> scores(long lineItemId) {
        return scores.getOrDefault(lineItemId, Map.of());
    }

    /** For the gradebook page: a learner's cell in a column, or null. */
    public Score cell(long lineItemId, String userId) {
        return scores(lineItemId).get(userId);
    }

    long received() {
        return received.get();
    }
}

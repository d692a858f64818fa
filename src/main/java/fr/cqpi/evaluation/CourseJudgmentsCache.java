package fr.cqpi.evaluation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A course's judgments as the cohort reads them (16,000 rows for 200 learners), kept in memory while the course's
 * judgment revision says they are still the database's. The revision is raised by a trigger on every write to
 * {@code judgment} (V29), from any instance and any code path, so one indexed read tells whether the copy stands.
 * The revision is read before the judgments: a save committed in between leaves a copy newer than its revision,
 * which the next read replaces, never an older one kept as current.
 */
@Component
class CourseJudgmentsCache {

    private record Key(long courseId, String referentielCode) {}

    private record Copy(long revision, CourseJudgments judgments) {}

    private final JudgmentRepository repository;
    private final Cache<Key, Copy> copies;

    CourseJudgmentsCache(
            JudgmentRepository repository, @Value("${cqpi.cohort.cached-judgments:200000}") long maxJudgments) {
        this.repository = repository;
        this.copies = Caffeine.newBuilder()
                .maximumWeight(maxJudgments)
                .weigher((Key key, Copy copy) -> copy.judgments().size())
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /** The course's standing judgments; shared between requests, so read only. */
    CourseJudgments inCourse(long courseId, String referentielCode) {
        Key key = new Key(courseId, referentielCode);
        long revision = repository.revision(courseId);
        Copy copy = copies.getIfPresent(key);
        if (copy != null && copy.revision() == revision) {
            return copy.judgments();
        }
        CourseJudgments read = repository.inCourse(courseId, referentielCode);
        copies.asMap()
                .merge(
                        key,
                        new Copy(revision, read),
                        (kept, fresh) -> fresh.revision() >= kept.revision() ? fresh : kept);
        return read;
    }
}

package fr.cqpi.privacy;

import fr.cqpi.course.Actor;
import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who read a learner's grid, evidence or documents, other than the learner (one row per read). A read costs the
 * request no round trip: it is queued and the queue written in one batch every {@code cqpi.read-log.flush-interval}
 * (1 s) and when the instance stops; an instance killed outright loses at most that last second of reads.
 */
@Component
public class ReadLog implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(ReadLog.class);

    /** What was read: the row's {@code what}. */
    public enum What {
        GRID,
        HISTORY,
        EVIDENCE,
        EVIDENCE_FILE,
        DOCUMENTS,
        DOCUMENT_PDF,
        JURY,
        ARCHIVE
    }

    public record Read(
            Instant at,
            long platformId,
            Long courseId,
            String readerSub,
            String readerName,
            String readerRole,
            String learnerSub,
            What what,
            String item) {}

    private final ConcurrentLinkedQueue<Read> queue = new ConcurrentLinkedQueue<>();
    private final JdbcTemplate batch;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReadLog(JdbcTemplate batch, JdbcClient jdbc, Clock clock) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a read of a learner's data by the one who acts in a course (evaluator, tutor): their name and role as
     * the tool knows them. The learner reading their own data is not recorded.
     */
    public void record(Actor reader, String learnerSub, What what, String item) {
        record(
                reader.platformId(),
                reader.courseId(),
                reader.sub(),
                reader.displayName(),
                reader.role().name(),
                learnerSub,
                what,
                item);
    }

    /** Records a read by someone other than the learner; the learner reading their own data is not recorded. */
    public void record(
            long platformId,
            Long courseId,
            String readerSub,
            String readerName,
            String readerRole,
            String learnerSub,
            What what,
            String item) {
        if (readerSub.equals(learnerSub)) {
            return;
        }
        queue.add(new Read(
                clock.instant(), platformId, courseId, readerSub, readerName, readerRole, learnerSub, what, item));
    }

    /** Writes the queued reads in one batch. */
    @Scheduled(fixedDelayString = "${cqpi.read-log.flush-interval:1s}")
    public void flush() {
        List<Read> reads = new ArrayList<>();
        for (Read read; (read = queue.poll()) != null; ) {
            reads.add(read);
        }
        if (reads.isEmpty()) {
            return;
        }
        try {
            batch.batchUpdate("""
                    insert into personal_data_read (at, platform_id, course_id, reader_sub, reader_name, reader_role,
                                                    learner_sub, what, item)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", reads, 500, (ps, r) -> {
                ps.setTimestamp(1, Timestamp.from(r.at()));
                ps.setLong(2, r.platformId());
                ps.setObject(3, r.courseId());
                ps.setString(4, r.readerSub());
                ps.setString(5, r.readerName());
                ps.setString(6, r.readerRole());
                ps.setString(7, r.learnerSub());
                ps.setString(8, r.what().name());
                ps.setString(9, r.item());
            });
        } catch (RuntimeException e) {
            // The database is away (restart): the reads wait for the next flush rather than being lost.
            queue.addAll(reads);
            log.warn("Read log not written yet ({} reads queued): {}", queue.size(), e.getMessage());
        }
    }

    @PreDestroy
    void flushOnStop() {
        flush();
    }

    /** The reads of a person's data (as learner), newest first. */
    public List<Read> ofLearner(long platformId, String learnerSub, int limit) {
        return jdbc.sql("""
                        select at, platform_id, course_id, reader_sub, reader_name, reader_role, learner_sub, what, item
                        from personal_data_read where platform_id = :p and learner_sub = :s
                        order by at desc, id desc limit :n""")
                .param("p", platformId)
                .param("s", learnerSub)
                .param("n", limit)
                .query((rs, row) -> new Read(
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("platform_id"),
                        (Long) rs.getObject("course_id"),
                        rs.getString("reader_sub"),
                        rs.getString("reader_name"),
                        rs.getString("reader_role"),
                        rs.getString("learner_sub"),
                        What.valueOf(rs.getString("what")),
                        rs.getString("item")))
                .list();
    }

    @Override
    public String name() {
        return "readlog";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        return Map.of(
                "personal_data_read",
                jdbc.sql("delete from personal_data_read where at < :t")
                        .param("t", Timestamp.from(run.cutoff(run.periods().readLog())))
                        .update());
    }

    /** Who read the person's data: the recipients the law says a person may know of. */
    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        archive.section(
                name(),
                Map.of(
                        "readsOfYourData",
                        jdbc.sql("""
                                        select at, course_id, reader_name, reader_role, what, item
                                        from personal_data_read where platform_id = :p and learner_sub = :s
                                        order by at, id""")
                                .param("p", person.platformId())
                                .param("s", person.sub())
                                .query()
                                .listOfRows()));
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        flush();
        int asLearner = jdbc.sql("delete from personal_data_read where platform_id = :p and learner_sub = :s")
                .param("p", person.platformId())
                .param("s", person.sub())
                .update();
        int asReader = jdbc.sql("""
                        update personal_data_read set reader_sub = :pseudonym, reader_name = null
                        where platform_id = :p and reader_sub = :s""")
                .param("pseudonym", person.pseudonym())
                .param("p", person.platformId())
                .param("s", person.sub())
                .update();
        return Map.of("personal_data_read", asLearner + asReader);
    }
}

package fr.cqpi.evaluation;

import fr.cqpi.course.Actor;
import fr.cqpi.course.CourseMember;
import fr.cqpi.course.CourseMembers;
import fr.cqpi.referentiel.Referentiel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every judgment of a course, read row by row (a cursor, not a list) so that an export of hundreds of learners
 * starts at once and holds a few hundred rows in memory, learner after learner, each learner's in the référentiel's order.
 */
@Service
public class JudgmentExports {

    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate cursor;
    private final CourseMembers members;
    private final LearnerAccess access;
    private final EvaluationQueries queries;

    JudgmentExports(DataSource dataSource, CourseMembers members, LearnerAccess access, EvaluationQueries queries) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.members = members;
        this.access = access;
        this.queries = queries;
    }

    /**
     * Only evaluators of the course; each line of a learner the actor may see, judged at least once, by either
     * evaluator (the évaluateur habilité's and the tuteur entreprise's, each its own line): a criterion still « Non
     * évalué » is a line when it carries a comment, which a jury reads as well.
     */
    @Transactional(readOnly = true)
    public void forEach(Actor actor, Consumer<JudgmentLine> each) {
        access.requireEvaluator(actor);
        Map<Long, CourseMember> learners = members.learnersById(actor.courseId());
        Referentiel referentiel = queries.referentiel();
        Map<String, Integer> position = new HashMap<>();
        referentiel.criteria().forEach(c -> position.put(c.code(), position.size()));
        Comparator<JudgmentLine> inReferentielOrder = Comparator.<JudgmentLine, Integer>comparing(
                        line -> position.getOrDefault(line.criterionCode(), Integer.MAX_VALUE))
                .thenComparing(JudgmentLine::evaluatorRole);
        List<JudgmentLine> learnerLines = new ArrayList<>();
        Runnable flush = () -> {
            learnerLines.sort(inReferentielOrder);
            learnerLines.forEach(each);
            learnerLines.clear();
        };
        cursor.query(
                "select j.learner_id, j.criterion_code, j.status, j.modality, j.comment, j.updated_by_name,"
                        + " j.updated_at, j.evaluator_role, s.kind, s.held_on"
                        + " from judgment j left join evaluation_session s on s.id = j.session_id"
                        + " where j.course_id = ? and j.referentiel_code = ?"
                        + " and (j.status <> 'NON_EVALUE' or j.comment is not null)"
                        + " order by j.learner_id",
                rs -> {
                    CourseMember learner = learners.get(rs.getLong(1));
                    if (!learnerLines.isEmpty() && learnerLines.get(0).learner() != learner) {
                        flush.run();
                    }
                    if (learner != null) {
                        learnerLines.add(new JudgmentLine(
                                learner,
                                rs.getString(2),
                                JudgmentStatus.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant(),
                                EvaluatorRole.valueOf(rs.getString(8)),
                                rs.getString(9),
                                rs.getObject(10, java.time.LocalDate.class)));
                    }
                },
                actor.courseId(),
                referentiel.code());
        flush.run();
    }
}

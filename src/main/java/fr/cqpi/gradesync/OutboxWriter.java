package fr.cqpi.gradesync;

import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.Results;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox in the transaction that changed the judgments (a synchronous listener, not an
 * after-commit one): the grade change and the judgment commit or roll back together.
 */
@Component
class OutboxWriter {

    private final JdbcClient jdbc;

    OutboxWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onBlocResultsChanged(BlocResultsChanged event) {
        for (Results.BlocResult bloc : event.changedBlocs()) {
            markDirty(event.platformId(), event.courseId(), event.learner().userId(), bloc.code());
        }
    }

    void markDirty(long platformId, long courseId, long learnerId, String blocCode) {
        jdbc.sql("""
                        insert into grade_outbox (platform_id, course_id, learner_id, bloc_code, status)
                        values (:platform, :course, :learner, :bloc, 'PENDING')
                        on conflict (course_id, learner_id, bloc_code) do update set status = 'PENDING',
                            change_seq = grade_outbox.change_seq + 1, changed_at = now(), due_at = now(), attempts = 0,
                            first_failure_at = null, last_error = null""")
                .param("platform", platformId)
                .param("course", courseId)
                .param("learner", learnerId)
                .param("bloc", blocCode)
                .update();
    }
}

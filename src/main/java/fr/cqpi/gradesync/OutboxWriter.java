package fr.cqpi.gradesync;

import fr.cqpi.course.Courses;
import fr.cqpi.evaluation.BlocResultsChanged;
import fr.cqpi.evaluation.Results;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the outbox in the transaction that changed the judgments (a synchronous listener, not an
 * after-commit one): the grade change and the judgment commit or roll back together. Published outside a
 * transaction, the event is refused ({@code MANDATORY}) rather than written alone. A changed bloc changes the
 * overall result too: when the course has an activity column of its own, its row is marked as well.
 */
@Component
class OutboxWriter {

    private final Outbox outbox;
    private final Courses courses;

    OutboxWriter(Outbox outbox, Courses courses) {
        this.outbox = outbox;
        this.courses = courses;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onBlocResultsChanged(BlocResultsChanged event) {
        for (Results.BlocResult bloc : event.changedBlocs()) {
            outbox.markDirty(
                    event.platformId(), event.courseId(), event.learner().userId(), bloc.code());
        }
        if (!event.changedBlocs().isEmpty() && courses.hasActivityColumn(event.courseId())) {
            outbox.markDirty(
                    event.platformId(), event.courseId(), event.learner().userId(), ActivityColumn.CODE);
        }
    }
}

package fr.cqpi.jury;

import fr.cqpi.evaluation.DecidedBloc;
import fr.cqpi.evaluation.Decision;
import fr.cqpi.evaluation.StandingDecisions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class JuryStandingDecisions implements StandingDecisions {

    private final JuryRepository jury;

    JuryStandingDecisions(JuryRepository jury) {
        this.jury = jury;
    }

    @Override
    public Map<String, Decision> of(long courseId, long learnerId) {
        return jury.standing(courseId, List.of(learnerId)).getOrDefault(learnerId, Map.of());
    }

    @Override
    public Map<String, DecidedBloc> decidedBlocs(long courseId, long learnerId) {
        return jury.decidedBlocs(courseId, learnerId);
    }

    @Override
    public Map<Long, Map<String, Decision>> of(long courseId, Collection<Long> learnerIds) {
        return jury.standing(courseId, learnerIds);
    }

    @Override
    public Map<Long, Map<String, Decision>> inCourse(long courseId) {
        return jury.standing(courseId, null);
    }
}

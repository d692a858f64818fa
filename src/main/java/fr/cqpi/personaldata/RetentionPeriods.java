package fr.cqpi.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long personal data is kept ({@code cqpi.retention.*}, docs/privacy.md § 6). The periods of a learner's
 * evaluation count from the end of their training: their last activity in the course (see
 * {@link PersonalData#lastActivities()}).
 *
 * @param evaluation judgments, comments, their history, the grade outbox, after the end of the training
 * @param evidence evidence files and links and their history, after the end of the training
 * @param withdrawnEvidence a withdrawn evidence item, after its withdrawal
 * @param juryDecisions a jury decision's motives, votes and authors, after the decision (then only what the
 *     verification of a document needs is kept)
 * @param launchLog a line of the launch log, after the launch
 * @param readLog a line of the read log (who read a learner's data), after the read
 * @param notifications an e-mail notification no longer to be sent (sent, failed, cancelled, without address), after
 *     its last change
 * @param tutorInvitations a tutor's invitation by e-mail (address, name, learners, audit), after its expiry or
 *     revocation
 * @param cron when the retention job runs (server time)
 * @param minInterval a run is skipped when another instance finished one less than this ago
 * @param enabled false: the job never runs (periods still shown)
 */
@ConfigurationProperties("cqpi.retention")
public record RetentionPeriods(
        @DefaultValue("365d") Duration evaluation,
        @DefaultValue("365d") Duration evidence,
        @DefaultValue("30d") Duration withdrawnEvidence,
        @DefaultValue("1825d") Duration juryDecisions,
        @DefaultValue("183d") Duration launchLog,
        @DefaultValue("365d") Duration readLog,
        @DefaultValue("90d") Duration notifications,
        @DefaultValue("365d") Duration tutorInvitations,
        @DefaultValue("0 17 3 * * *") String cron,
        @DefaultValue("20h") Duration minInterval,
        @DefaultValue("true") boolean enabled) {}

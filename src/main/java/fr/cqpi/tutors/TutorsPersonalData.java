package fr.cqpi.tutors;

import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import fr.cqpi.personaldata.RetentionRun;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Tutors' invitations by e-mail: the address and name of the tutor invited, the learners named, the sign-in tokens
 * (hashed) and the audit. An invitation expired or revoked is deleted with its tokens and audit after its period; an
 * erasure of the tutor clears their address, name and tokens and revokes their invitations, and replaces their
 * identity in the audit (the evaluator's invitation itself, the learners named and the audit of the requests stay,
 * under the pseudonym).
 */
@Component
class TutorsPersonalData implements PersonalData {

    /** A spent or expired sign-in token only tells a late click that its link expired: a week is enough for that. */
    private static final Duration EXPIRED_TOKENS = Duration.ofDays(7);

    /** Actions whose detail names other people (the learners of an invitation, the confirmed LMS Mentor). */
    private static final List<String> DETAIL_NAMES_OTHERS = List.of("INVITED", "CONFIRMED");

    private static final String OF_THE_TUTOR =
            "select id from tutor_invitation where tutor_user_id = :u or confirmed_user_id = :u";

    private static final String IN_PLATFORM =
            "select id from tutor_invitation where " + PersonRef.inCourses("course_id");

    private final JdbcClient jdbc;

    TutorsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "tutors";
    }

    @Override
    public Map<String, Integer> purge(RetentionRun run) {
        Timestamp cutoff = Timestamp.from(run.cutoff(run.periods().tutorInvitations()));
        String ended = "select id from tutor_invitation where coalesce(revoked_at, expires_at) < :cutoff";
        Map<String, Integer> purged = new LinkedHashMap<>();
        purged.put(
                "tutor_audit",
                jdbc.sql("delete from tutor_audit where invitation_id in (" + ended + ")"
                                + " or (invitation_id is null and at < :cutoff)")
                        .param("cutoff", cutoff)
                        .update());
        purged.put(
                "tutor_sign_in_token",
                jdbc.sql("delete from tutor_sign_in_token where invitation_id in (" + ended
                                + ") or expires_at < :expired")
                        .param("cutoff", cutoff)
                        .param("expired", Timestamp.from(run.now().minus(EXPIRED_TOKENS)))
                        .update());
        purged.put(
                "tutor_invitation_learner",
                jdbc.sql("delete from tutor_invitation_learner where invitation_id in (" + ended + ")")
                        .param("cutoff", cutoff)
                        .update());
        purged.put(
                "tutor_invitation",
                jdbc.sql("delete from tutor_invitation where coalesce(revoked_at, expires_at) < :cutoff")
                        .param("cutoff", cutoff)
                        .update());
        return purged;
    }

    @Override
    public void export(PersonRef person, PersonalArchive archive) {
        List<Map<String, Object>> invitations =
                jdbc.sql("""
                        select i.id, i.public_id::text as public_id, i.course_id, i.email, i.tutor_name, i.locale,
                               i.created_at, i.expires_at, i.revoked_at, i.confirmed_at,
                               (select count(*) from tutor_invitation_learner l where l.invitation_id = i.id)
                                   as learners
                        from tutor_invitation i where i.tutor_user_id = :u or i.confirmed_user_id = :u
                        order by i.id""").param("u", person.userId()).query().listOfRows();
        for (Map<String, Object> invitation : invitations) {
            long id = ((Number) invitation.remove("id")).longValue();
            invitation.put(
                    "audit",
                    jdbc.sql("""
                                    select at, action, actor = :s as by_them,
                                           case when action = any(string_to_array(:others, ',')) then null
                                                else detail end as detail
                                    from tutor_audit where invitation_id = :i order by id""")
                            .param("s", person.sub())
                            .param("others", String.join(",", DETAIL_NAMES_OTHERS))
                            .param("i", id)
                            .query()
                            .listOfRows());
        }
        archive.section(name(), Map.of("invitations", invitations));
    }

    @Override
    public Map<String, Integer> erase(PersonRef person) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put(
                "tutor_sign_in_token",
                jdbc.sql("delete from tutor_sign_in_token where invitation_id in (" + OF_THE_TUTOR + ")")
                        .param("u", person.userId())
                        .update());
        erased.put(
                "tutor_invitation",
                jdbc.sql("""
                                update tutor_invitation set email = :p, tutor_name = null,
                                    revoked_at = coalesce(revoked_at, now()), revoked_by_sub = coalesce(revoked_by_sub, :p)
                                where id in (""" + OF_THE_TUTOR + ")")
                        .param("p", person.pseudonym())
                        .param("u", person.userId())
                        .update());
        erased.put(
                "tutor_invitation_learner",
                jdbc.sql("delete from tutor_invitation_learner where learner_id = :u")
                        .param("u", person.userId())
                        .update());
        erased.put("tutor_invitation_authored", authored(person));
        erased.put(
                "tutor_audit_actor",
                jdbc.sql("update tutor_audit set actor = :p where actor = :s and invitation_id in (" + IN_PLATFORM
                                + ")")
                        .param("p", person.pseudonym())
                        .param("s", person.sub())
                        .param("courses", person.courses())
                        .update());
        erased.put("tutor_audit_detail", auditDetails(person));
        return erased;
    }

    @Override
    public List<String> kept() {
        return List.of("privacy.kept.tutors");
    }

    /** Where the person invited, revoked or confirmed, as an évaluateur. */
    private int authored(PersonRef person) {
        int n = 0;
        for (String column : List.of("invited_by_sub", "revoked_by_sub", "confirmed_by_sub")) {
            n += jdbc.sql("update tutor_invitation set " + column + " = :p where " + column + " = :s and "
                            + PersonRef.inCourses("course_id"))
                    .param("p", person.pseudonym())
                    .param("s", person.sub())
                    .param("courses", person.courses())
                    .update();
        }
        return n;
    }

    /**
     * The audit's details name people by their sub: the learners of an invitation, the confirmed Mentor, the learner
     * whose page an invited tutor requested (URL-encoded in the path). Whole words only: one sub may be part of
     * another.
     */
    private int auditDetails(PersonRef person) {
        String encoded = UriUtils.encodePathSegment(person.sub(), StandardCharsets.UTF_8);
        Pattern sub = Pattern.compile(
                "(?<=^|[\\s/])(" + Pattern.quote(person.sub()) + "|" + Pattern.quote(encoded) + ")(?=$|[\\s/?#])");
        List<Map<String, Object>> candidates = jdbc.sql(
                        "select id, detail from tutor_audit where (strpos(detail, :s) > 0"
                                + " or strpos(detail, :e) > 0) and invitation_id in (" + IN_PLATFORM + ")")
                .param("s", person.sub())
                .param("e", encoded)
                .param("courses", person.courses())
                .query()
                .listOfRows();
        int n = 0;
        for (Map<String, Object> row : candidates) {
            String detail = (String) row.get("detail");
            String replaced = sub.matcher(detail).replaceAll(Matcher.quoteReplacement(person.pseudonym()));
            if (!replaced.equals(detail)) {
                n += jdbc.sql("update tutor_audit set detail = :d where id = :id")
                        .param("d", replaced)
                        .param("id", row.get("id"))
                        .update();
            }
        }
        return n;
    }
}

package fr.cqpi.notifications;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.jury.JuryMember;
import fr.cqpi.jury.JurySessionScheduled;
import fr.cqpi.shared.SupportedLocales;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member of a jury session with an e-mail address receives its date and place with an iCalendar invitation
 * (iTIP {@code METHOD:REQUEST}, RFC 5546): one UID per session, so that a calendar updates the event when the
 * session changes, and a {@code SEQUENCE} that is the session's revision. Jury members are not users of the
 * platform: they are written to in French.
 */
@Component
class JurySessionInvitation implements NotificationType {

    static final String TYPE = "jury-session";

    private final NotificationOutbox outbox;
    private final EvaluationQueries evaluation;
    private final MailTexts texts;
    private final ToolLinks links;
    private final NotificationsProperties properties;
    private final Clock clock;

    JurySessionInvitation(
            NotificationOutbox outbox,
            EvaluationQueries evaluation,
            MailTexts texts,
            ToolLinks links,
            NotificationsProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.evaluation = evaluation;
        this.texts = texts;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return TYPE;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onScheduled(JurySessionScheduled event) {
        var session = event.session();
        for (JuryMember member : session.members()) {
            if (member.email() == null) {
                continue;
            }
            outbox.enqueue(
                    TYPE,
                    new Recipient(member.email(), SupportedLocales.DEFAULT),
                    Map.of(
                            "sessionId", Long.toString(session.id()),
                            "name", member.name(),
                            "heldOn", session.heldOn().toString(),
                            "place", session.place(),
                            "revision", Integer.toString(session.revision()),
                            "qualification", evaluation.referentiel().title(),
                            "link", links.to("/app/jury/" + session.id())),
                    TYPE + ":" + session.id() + ":" + member.email().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Optional<Mail> compose(Notification n) {
        int revision = Integer.parseInt(n.param("revision"));
        String template = revision == 0 ? TYPE : TYPE + "-changed";
        Mail text = texts.compose(
                template,
                n.locale(),
                n.param("name"),
                MailDates.say(n.param("heldOn"), n.locale()),
                n.param("place"),
                n.param("qualification"),
                n.param("link"));
        String summary = texts.text("mail." + TYPE + ".event", n.locale(), n.param("qualification"));
        byte[] calendar = calendar(n, summary, revision).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Mail(
                text.subject(),
                text.body(),
                List.of(new Mail.Attachment(
                        "invitation.ics", "text/calendar; method=REQUEST; charset=UTF-8", calendar))));
    }

    /** The session as an all-day event (a jury session has a date, not hours). */
    String calendar(Notification n, String summary, int revision) {
        LocalDate heldOn = LocalDate.parse(n.param("heldOn"));
        ICalendar ical = new ICalendar();
        ical.setProductId("-//CQPI//cqpi-lti//FR");
        ical.setMethod(Method.request());
        VEvent event = new VEvent();
        event.setUid("jury-session-" + n.param("sessionId") + "@" + MailDelivery.domainOf(properties.from()));
        event.setSequence(revision);
        event.setDateTimeStamp(Date.from(clock.instant()));
        event.setDateStart(day(heldOn), false);
        event.setDateEnd(day(heldOn.plusDays(1)), false);
        event.setSummary(summary);
        event.setLocation(n.param("place"));
        event.setDescription(n.param("link"));
        event.setStatus(Status.confirmed());
        event.setOrganizer(organizer());
        Attendee attendee = new Attendee(n.param("name"), n.recipient());
        attendee.setRole(Role.ATTENDEE);
        attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
        attendee.setRsvp(false);
        event.addAttendee(attendee);
        ical.addEvent(event);
        return Biweekly.write(ical).go();
    }

    private Organizer organizer() {
        try {
            InternetAddress from = new InternetAddress(properties.from(), true);
            return new Organizer(from.getPersonal(), from.getAddress());
        } catch (AddressException e) {
            throw new IllegalArgumentException("cqpi.notifications.from is not an e-mail address", e);
        }
    }

    /** A date without time: biweekly writes it in the JVM's zone, where it is this midnight. */
    private static Date day(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}

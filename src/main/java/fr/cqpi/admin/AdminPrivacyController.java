package fr.cqpi.admin;

import fr.cqpi.course.People;
import fr.cqpi.course.Pseudonyms;
import fr.cqpi.privacy.ArchiveDownload;
import fr.cqpi.privacy.Erasure;
import fr.cqpi.privacy.PersonalDataArchive;
import fr.cqpi.privacy.ReadLog;
import fr.cqpi.privacy.RetentionJob;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Personal data, for the tool's administrator: the retention periods and what the job purged, a person found by
 * name, e-mail or LTI id, who read their data, their archive, their erasure (with a reason, after a confirmation).
 */
@Controller
class AdminPrivacyController {

    static final int READS_SHOWN = 200;

    /** The read log's reader for an administrator (not a person of a platform). */
    static final String ADMIN_READER_PREFIX = "admin:";

    private final People people;
    private final RetentionJob retention;
    private final Erasure erasure;
    private final PersonalDataArchive archive;
    private final ReadLog readLog;

    AdminPrivacyController(
            People people, RetentionJob retention, Erasure erasure, PersonalDataArchive archive, ReadLog readLog) {
        this.people = people;
        this.retention = retention;
        this.erasure = erasure;
        this.archive = archive;
        this.readLog = readLog;
    }

    @GetMapping("/admin/privacy")
    String privacy(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("periods", retention.periods());
        model.addAttribute("runs", retention.recent(10));
        model.addAttribute("erasures", erasure.recent(20));
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        if (query.length() >= 2 && query.length() <= 200) {
            model.addAttribute("found", people.search(query));
        }
        return "admin/privacy";
    }

    @PostMapping("/admin/privacy/retention")
    String runRetention(RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message", retention.runIfDue().isPresent() ? "privacy.retention.ran" : "privacy.retention.notDue");
        return "redirect:/admin/privacy";
    }

    @GetMapping("/admin/privacy/people/{id}")
    String person(@PathVariable long id, Model model) {
        People.Entry person = person(id);
        model.addAttribute("person", person);
        readLog.flush();
        model.addAttribute("reads", readLog.ofLearner(person.platformId(), person.sub(), READS_SHOWN));
        model.addAttribute("readsShown", READS_SHOWN);
        return "admin/privacy-person";
    }

    @GetMapping("/admin/privacy/people/{id}/archive")
    ResponseEntity<StreamingResponseBody> archive(@PathVariable long id, Principal admin) {
        People.Entry person = person(id);
        // The administrator reads everything about the person: logged as any other read of their data.
        readLog.record(
                person.platformId(),
                null,
                ADMIN_READER_PREFIX + admin.getName(),
                admin.getName(),
                "ADMIN",
                person.sub(),
                ReadLog.What.ARCHIVE,
                null);
        return ArchiveDownload.of(archive, person);
    }

    @GetMapping("/admin/privacy/people/{id}/erase")
    String confirmErase(@PathVariable long id, Model model) {
        model.addAttribute("person", person(id));
        model.addAttribute("kept", erasure.kept());
        model.addAttribute("maxReason", Erasure.MAX_REASON);
        return "admin/privacy-erase";
    }

    @PostMapping("/admin/privacy/people/{id}/erase")
    String erase(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirm,
            Principal admin,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        People.Entry person = person(id);
        String why = reason == null ? "" : reason.strip();
        String problem = why.isEmpty() || why.length() > Erasure.MAX_REASON
                ? "privacy.erase.reasonRequired"
                : !"yes".equals(confirm) ? "privacy.erase.confirmRequired" : null;
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", problem);
            model.addAttribute("reason", why);
            return confirmErase(id, model);
        }
        Erasure.Result result = erasure.erase(person, why, admin.getName());
        redirect.addFlashAttribute("erasedAs", result.pseudonym());
        return "redirect:/admin/privacy";
    }

    private People.Entry person(long id) {
        return people.find(id)
                .filter(p -> !Pseudonyms.isPseudonym(p.sub()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

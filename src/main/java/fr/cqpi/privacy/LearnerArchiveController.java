package fr.cqpi.privacy;

import fr.cqpi.course.Actor;
import fr.cqpi.course.People;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A person's own data, from their launch: the same archive as the administrator's, only ever their own. */
@Controller
class LearnerArchiveController {

    private final People people;
    private final PersonalDataArchive archive;

    LearnerArchiveController(People people, PersonalDataArchive archive) {
        this.people = people;
        this.archive = archive;
    }

    @GetMapping("/app/me/archive")
    ResponseEntity<StreamingResponseBody> mine(Actor actor) {
        People.Entry me = people.find(actor.platformId(), actor.sub())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ArchiveDownload.of(archive, me);
    }
}

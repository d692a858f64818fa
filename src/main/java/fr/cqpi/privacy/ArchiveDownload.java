package fr.cqpi.privacy;

import fr.cqpi.course.People;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A person's archive as an HTTP download, the same for the administrator and for the person themselves: never cached,
 * never sniffed.
 */
public final class ArchiveDownload {

    private ArchiveDownload() {}

    public static ResponseEntity<StreamingResponseBody> of(PersonalDataArchive archive, People.Entry person) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(PersonalDataArchive.fileName(person.id()))
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(out -> archive.write(person, out));
    }
}

package fr.cqpi.documents;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page a document's verification URL (and QR code) leads to, without any login: what the document states
 * (kind, number, date, holder, certification, blocs) and nothing more. An unknown number and a wrong token are the
 * same 404.
 */
@Controller
class VerificationController {

    private final Documents documents;

    VerificationController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/verify/{reference}")
    String verify(@PathVariable String reference, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Referrer-Policy", "no-referrer");
        var verified = documents.verify(reference);
        if (verified.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "documents/verify";
        }
        model.addAttribute("facts", verified.get().facts());
        return "documents/verify";
    }
}

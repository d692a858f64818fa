package fr.cqpi.admin;

import fr.cqpi.credentials.Credentials;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's view of the issued credentials (the latest ones) and their revocation, with a reason that the
 * learner's page shows; the status list then says revoked.
 */
@Controller
class AdminCredentialsController {

    static final int SHOWN = 100;

    private final Credentials credentials;

    AdminCredentialsController(Credentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping("/admin/credentials")
    String list(Model model) {
        model.addAttribute("credentials", credentials.latest(SHOWN));
        return "admin/credentials";
    }

    @PostMapping("/admin/credentials/{id}/revoke")
    String revoke(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Principal admin,
            RedirectAttributes redirect) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (credentials.find(uuid).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            boolean revoked = credentials.revoke(uuid, reason, "admin " + admin.getName());
            redirect.addFlashAttribute("message", revoked ? "revoked" : "alreadyRevoked");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("message", "reasonRequired");
        }
        return "redirect:/admin/credentials";
    }
}

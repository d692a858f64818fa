package fr.cqpi.admin;

import fr.cqpi.lti.PlatformDefinition;
import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.lti.RegistrationInvitations;
import fr.cqpi.lti.ToolKeys;
import fr.cqpi.shared.DisplayDates;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform administration for the tool's administrator: platforms, deployments, the tool key. */
@Controller
class AdminController {

    private final PlatformRegistry registry;
    private final ToolKeys toolKeys;
    private final RegistrationInvitations invitations;
    private final DisplayDates dates;
    private final AdminPage page;

    AdminController(
            PlatformRegistry registry,
            ToolKeys toolKeys,
            RegistrationInvitations invitations,
            DisplayDates dates,
            AdminPage page) {
        this.registry = registry;
        this.toolKeys = toolKeys;
        this.invitations = invitations;
        this.dates = dates;
        this.page = page;
    }

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }

    @GetMapping("/admin")
    String platforms(Model model) {
        page.fill(model);
        return "admin/platforms";
    }

    @PostMapping("/admin/invitations")
    String invite(
            @RequestParam(required = false) String note,
            @RequestParam(name = "validity_days", required = false) Integer validityDays,
            Principal admin,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        String problem = AdminInvitationRequest.problem(note, validityDays);
        if (problem != null) {
            response.setStatus(400);
            model.addAttribute("error", problem);
            return platforms(model);
        }
        RegistrationInvitations.Created created =
                invitations.create(note, AdminInvitationRequest.validity(validityDays), admin.getName());
        // Flash attributes live in the session until the redirected page reads them, and Spring Session JDBC
        // serialises every session attribute: plain strings only (the invitation's secret is shown once and never
        // goes in the redirect's URL).
        redirect.addFlashAttribute("invitationUrl", created.url());
        redirect.addFlashAttribute("invitationExpiresAt", dates.format(created.expiresAt()));
        return "redirect:/admin#invitations";
    }

    /**
     * A pending invitation's URL cannot be shown again (only a hash of its secret is stored): it is revoked and a new
     * one, with the same note and validity, is shown once.
     */
    @PostMapping("/admin/invitations/{id}/renew")
    String renew(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        Optional<RegistrationInvitations.Created> created = invitations.renew(id, "admin " + admin.getName());
        if (created.isEmpty()) {
            redirect.addFlashAttribute("message", "invite.notPending");
            return "redirect:/admin#invitations";
        }
        redirect.addFlashAttribute("invitationUrl", created.get().url());
        redirect.addFlashAttribute(
                "invitationExpiresAt", dates.format(created.get().expiresAt()));
        return "redirect:/admin#invitations";
    }

    @PostMapping("/admin/invitations/{id}/revoke")
    String revoke(@PathVariable long id, Principal admin) {
        invitations.revoke(id, admin.getName());
        return "redirect:/admin#invitations";
    }

    @PostMapping("/admin/platforms")
    String save(
            @RequestParam(required = false) Long id,
            @RequestParam String name,
            @RequestParam String issuer,
            @RequestParam("client_id") String clientId,
            @RequestParam("deployment_ids") String deployments,
            @RequestParam("authorization_endpoint") String auth,
            @RequestParam("token_endpoint") String token,
            @RequestParam("jwks_uri") String jwks,
            @RequestParam(name = "service_origins", defaultValue = "") String serviceOrigins,
            Principal admin,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        List<String> deploymentIds = Arrays.stream(deployments.split("[,\\s]+"))
                .filter(d -> !d.isBlank())
                .toList();
        PlatformDefinition definition = new PlatformDefinition(
                name.strip(),
                issuer.strip(),
                clientId.strip(),
                deploymentIds,
                auth.strip(),
                token.strip(),
                jwks.strip(),
                lines(serviceOrigins));
        String problem = definition.firstProblem();
        if (problem != null) {
            response.setStatus(400);
            model.addAttribute("error", problem);
            return platforms(model);
        }
        if (id == null) {
            registry.upsert(definition, "admin " + admin.getName());
        } else {
            registry.update(id, definition, "admin " + admin.getName());
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/admin";
    }

    @PostMapping("/admin/platforms/{id}/service-origins")
    String serviceOrigins(
            @PathVariable long id,
            @RequestParam(name = "service_origins", defaultValue = "") String origins,
            Principal admin,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        String problem = registry.setServiceOrigins(id, lines(origins), "admin " + admin.getName());
        if (problem != null) {
            response.setStatus(400);
            model.addAttribute("error", problem);
            return platforms(model);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/admin";
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(l -> !l.isBlank()).toList();
    }

    @PostMapping("/admin/platforms/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, Principal admin) {
        registry.setEnabled(id, enabled, "admin " + admin.getName());
        return "redirect:/admin";
    }

    @PostMapping("/admin/platforms/{id}/deployments")
    String deployment(
            @PathVariable long id,
            @RequestParam("deployment_id") String deploymentId,
            @RequestParam(defaultValue = "true") boolean enabled) {
        if (!deploymentId.isBlank()) {
            registry.addDeployment(id, deploymentId);
            registry.setDeploymentEnabled(id, deploymentId.strip(), enabled);
        }
        return "redirect:/admin";
    }

    /** The confirmation step of a platform's deletion: what happens to its courses and judgments. */
    @GetMapping("/admin/platforms/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        var platform = registry.all().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("platform", platform);
        model.addAttribute("data", page.dataOf(id));
        return "admin/delete-platform";
    }

    /**
     * Deletes a platform from the list: disabled and hidden, never erased, so that its courses' judgments are kept
     * ({@link PlatformRegistry#delete}).
     */
    @PostMapping("/admin/platforms/{id}/delete")
    String delete(@PathVariable long id, Principal admin, RedirectAttributes redirect) {
        if (!registry.delete(id, "admin " + admin.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("message", "deleted");
        return "redirect:/admin";
    }

    @PostMapping("/admin/keys/rotate")
    String rotate(RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "rotated");
        toolKeys.rotate();
        return "redirect:/admin";
    }
}

package fr.cqpi.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators: another one added, one's own password changed. Both ask for the signed-in administrator's
 * current password; a refusal answers 400 with the page and its reason, and stores nothing.
 */
@Controller
class AdminAccountsController {

    private final AdminAccounts accounts;
    private final AdminPage page;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    AdminAccountsController(
            AdminAccounts accounts,
            AdminPage page,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.accounts = accounts;
        this.page = page;
        this.sessions = sessions;
    }

    @PostMapping("/admin/accounts")
    String add(
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(name = "new_password", defaultValue = "") String password,
            @RequestParam(name = "new_password_confirmation", defaultValue = "") String confirmation,
            Principal admin,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.add(admin.getName(), current, username, password, confirmation);
        } catch (AdminAccounts.Refused refused) {
            return refused(refused, "accounts", response, model);
        }
        redirect.addFlashAttribute("message", "accounts.added");
        return "redirect:/admin#accounts";
    }

    @PostMapping("/admin/account/password")
    String changePassword(
            @RequestParam(name = "current_password", defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String password,
            @RequestParam(name = "new_password_confirmation", defaultValue = "") String confirmation,
            Principal admin,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.changePassword(admin.getName(), current, password, confirmation);
        } catch (AdminAccounts.Refused refused) {
            return refused(refused, "password", response, model);
        }
        signOutOtherSessions(admin.getName(), request);
        redirect.addFlashAttribute("message", "password.changed");
        return "redirect:/admin#accounts";
    }

    /** The administrator's other sessions end with the old password (a session stolen before is closed too). */
    private void signOutOtherSessions(String username, HttpServletRequest request) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return;
        }
        HttpSession current = request.getSession(false);
        repository.findByPrincipalName(username).forEach((id, session) -> {
            if ((current == null || !id.equals(current.getId())) && isAdministrators(session)) {
                repository.deleteById(id);
            }
        });
    }

    private static boolean isAdministrators(Session session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private String refused(AdminAccounts.Refused refused, String form, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("errorKey", refused.messageKey());
        model.addAttribute("errorForm", form);
        page.fill(model);
        return "admin/platforms";
    }
}

package fr.cqpi.credentials;

import fr.cqpi.course.Actor;
import fr.cqpi.evaluation.EvaluationQueries;
import fr.cqpi.shared.QrCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * « Mes certifications »: the learner's Open Badges credentials with their state, the signed files to download
 * and the public verification page of each (an évaluateur habilité sees a candidate's the same way).
 */
@Controller
@RequestMapping("/app")
class CredentialsPageController {

    private final Credentials credentials;
    private final WalletHandover wallets;
    private final EvaluationQueries queries;

    CredentialsPageController(Credentials credentials, WalletHandover wallets, EvaluationQueries queries) {
        this.credentials = credentials;
        this.wallets = wallets;
        this.queries = queries;
    }

    @GetMapping("/learners/{sub}/credentials")
    String credentials(Actor actor, @PathVariable String sub, Model model) {
        var list = credentials.ofLearner(actor, sub);
        model.addAttribute("learner", queries.grid(actor, sub).learner());
        model.addAttribute("credentials", list);
        // The QR code a wallet scans: the credential's public URL, which answers it the signed credential.
        Map<UUID, String> walletQr = new HashMap<>();
        list.forEach(c -> walletQr.put(c.id(), QrCodes.dataUri(c.url())));
        model.addAttribute("walletQr", walletQr);
        model.addAttribute("referentiel", queries.referentiel());
        return "credentials/credentials";
    }

    /**
     * « Ajouter au Learner Credential Wallet »: a new one-time request for the learner's wallet, shown on the page as
     * a link and a QR code (never put in a URL of ours: the page is the POST's answer, not cached).
     */
    @PostMapping("/learners/{sub}/credentials/{id}/wallet")
    String walletOffer(
            Actor actor, @PathVariable String sub, @PathVariable UUID id, Model model, HttpServletResponse response) {
        WalletHandover.WalletOffer offer = wallets.offer(actor, sub, id);
        response.setHeader("Cache-Control", "no-store");
        String page = credentials(actor, sub, model);
        model.addAttribute("walletOffer", offer);
        model.addAttribute("walletOfferQr", QrCodes.dataUri(offer.deepLink()));
        return page;
    }
}

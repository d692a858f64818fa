package fr.cqpi.lti;

import fr.cqpi.referentiel.Referentiel;
import fr.cqpi.referentiel.ReferentielCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Deep Linking 2.0: an evaluator places the whole grid, or one bloc with its gradebook column, in the
 * course; the choice goes back to the platform as a signed LtiDeepLinkingResponse.
 */
@Controller
class DeepLinkingController {

    static final String WHOLE_GRID = "GRID";

    private final ReferentielCatalog catalog;
    private final BlocLineItems lineItems;
    private final DeepLinkingResponse responses;
    private final ToolBaseUrl baseUrl;

    DeepLinkingController(
            ReferentielCatalog catalog, BlocLineItems lineItems, DeepLinkingResponse responses, ToolBaseUrl baseUrl) {
        this.catalog = catalog;
        this.lineItems = lineItems;
        this.responses = responses;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/app/deep-linking")
    String choose(@AuthenticationPrincipal LaunchContext launch, Model model) {
        requireDeepLinking(launch);
        model.addAttribute("launch", launch);
        model.addAttribute("referentiel", catalog.current().referentiel());
        model.addAttribute("settings", launch.deepLinking());
        model.addAttribute(
                "acceptsLinks",
                launch.deepLinking().acceptTypes().isEmpty()
                        || launch.deepLinking().acceptTypes().contains("ltiResourceLink"));
        return "lti/deep-linking";
    }

    @PostMapping("/app/deep-linking")
    String respond(
            @AuthenticationPrincipal LaunchContext launch,
            @RequestParam(name = "item", required = false) List<String> items,
            Model model) {
        requireDeepLinking(launch);
        LaunchContext.DeepLinking settings = launch.deepLinking();
        List<String> chosen = items == null ? List.of() : items;
        if (!settings.acceptMultiple() && chosen.size() > 1) {
            chosen = chosen.subList(0, 1);
        }
        Referentiel referentiel = catalog.current().referentiel();
        String target = baseUrl.get() + "/app";
        List<Map<String, Object>> contentItems = new ArrayList<>();
        for (String item : chosen) {
            if (WHOLE_GRID.equals(item)) {
                contentItems.add(link(
                        referentiel.title() + " — grille d'évaluation",
                        "Les 4 blocs de compétences",
                        target,
                        Map.of(),
                        null));
            } else {
                referentiel.bloc(item).ifPresent(bloc -> {
                    Map<String, Object> lineItem =
                            Boolean.FALSE.equals(settings.acceptLineItem()) ? null : lineItems.lineItemOf(bloc);
                    contentItems.add(link(
                            bloc.code() + " — " + bloc.title(),
                            referentiel.title(),
                            target,
                            Map.of("bloc", bloc.code()),
                            lineItem));
                });
            }
        }
        model.addAttribute("action", settings.returnUrl());
        model.addAttribute(
                "jwt",
                responses.sign(
                        launch,
                        contentItems,
                        contentItems.isEmpty() ? null : contentItems.size() + " élément(s) ajouté(s)"));
        return "lti/deep-linking-return";
    }

    private static Map<String, Object> link(
            String title, String text, String url, Map<String, String> custom, Map<String, Object> lineItem) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("text", text);
        item.put("url", url);
        if (!custom.isEmpty()) {
            item.put("custom", custom);
        }
        if (lineItem != null) {
            item.put("lineItem", lineItem);
        }
        return item;
    }

    private static void requireDeepLinking(LaunchContext launch) {
        if (!LaunchContext.DEEP_LINKING_REQUEST.equals(launch.messageType()) || launch.deepLinking() == null) {
            throw new AccessDeniedException("Not a deep-linking launch");
        }
        if (!launch.isEvaluator()) {
            throw new AccessDeniedException("Only evaluators place the grid in a course");
        }
    }
}

package fr.cqpi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.cqpi.lti.PlatformRegistry;
import fr.cqpi.lti.RegistrationInvitations;
import fr.cqpi.lti.ToolKeys;
import fr.cqpi.shared.DisplayDates;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.DefaultSerializer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Every flash attribute of the administration's redirects is stored in the session until the next page reads it,
 * and Spring Session JDBC serialises session attributes with Java serialisation: each handler's flash map must
 * serialise as the session stores it (a list of {@link FlashMap}), else the redirect answers 500.
 */
class AdminFlashAttributesTest {

    static final Principal ADMIN = () -> "admin";

    final PlatformRegistry registry = mock(PlatformRegistry.class);
    final ToolKeys toolKeys = mock(ToolKeys.class);
    final RegistrationInvitations invitations = mock(RegistrationInvitations.class);
    final AdminController controller =
            new AdminController(registry, toolKeys, invitations, new DisplayDates(), mock(AdminPage.class));

    static Map<String, Object> flash(RedirectAttributesModelMap redirect) {
        return new HashMap<>(redirect.getFlashAttributes());
    }

    /** What SessionFlashMapManager puts in the session, serialised as Spring Session JDBC does. */
    static void assertStorableInTheSession(RedirectAttributesModelMap redirect) {
        FlashMap flash = new FlashMap();
        flash.putAll(redirect.getFlashAttributes());
        List<FlashMap> sessionAttribute = new ArrayList<>(List.of(flash));
        assertThatCode(() -> new DefaultSerializer().serializeToByteArray(sessionAttribute))
                .doesNotThrowAnyException();
    }

    @Test
    void theCreatedInvitationIsFlashedAsPlainStrings() {
        when(invitations.create(any(), any(), anyString()))
                .thenReturn(new RegistrationInvitations.Created(
                        7,
                        "https://tool.example/lti/register?invitation=secret",
                        Instant.parse("2026-03-08T09:30:00Z")));
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

        String view =
                controller.invite("Moodle", 7, ADMIN, redirect, new MockHttpServletResponse(), new ExtendedModelMap());

        assertThat(view).isEqualTo("redirect:/admin#invitations");
        assertThat(flash(redirect))
                .containsEntry("invitationUrl", "https://tool.example/lti/register?invitation=secret")
                .containsEntry("invitationExpiresAt", "08/03/2026 10:30");
        assertThat(redirect.getFlashAttributes().values()).allMatch(String.class::isInstance);
        // Nothing in the redirect's URL: the secret stays out of the address bar, logs and Referer.
        assertThat(redirect).isEmpty();
        assertStorableInTheSession(redirect);
    }

    @Test
    void theOtherRedirectsFlashOnlyStorableValues() {
        RedirectAttributesModelMap saved = new RedirectAttributesModelMap();
        controller.save(
                null,
                "Canvas",
                "https://canvas.example",
                "1000",
                "1:abc",
                "https://canvas.example/api/lti/authorize_redirect",
                "https://canvas.example/login/oauth2/token",
                "https://canvas.example/api/lti/security/jwks",
                "",
                ADMIN,
                saved,
                new MockHttpServletResponse(),
                new ExtendedModelMap());
        assertThat(flash(saved)).containsEntry("message", "saved");
        assertStorableInTheSession(saved);

        when(registry.setServiceOrigins(any(Long.class), any(), anyString())).thenReturn(null);
        RedirectAttributesModelMap origins = new RedirectAttributesModelMap();
        controller.serviceOrigins(
                3, "https://files.example", ADMIN, origins, new MockHttpServletResponse(), new ExtendedModelMap());
        assertThat(flash(origins)).containsEntry("message", "saved");
        assertStorableInTheSession(origins);

        RedirectAttributesModelMap rotated = new RedirectAttributesModelMap();
        controller.rotate(rotated);
        assertThat(flash(rotated)).containsEntry("message", "rotated");
        assertStorableInTheSession(rotated);
    }

    @Test
    void anInvitationRefusedIsShownWithoutRedirect() {
        RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();
        ExtendedModelMap model = new ExtendedModelMap();

        String view = controller.invite("Moodle", 9999, ADMIN, redirect, response, model);

        assertThat(view).isEqualTo("admin/platforms");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(redirect.getFlashAttributes()).isEmpty();
    }
}

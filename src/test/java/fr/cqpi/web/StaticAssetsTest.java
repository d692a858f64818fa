package fr.cqpi.web;

import static fr.cqpi.support.TestPlatform.INSTRUCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.LtiClient;
import fr.cqpi.support.TestPlatform;
import fr.cqpi.support.ToolIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Styles and scripts are linked under URLs naming their content, which browsers keep for a year; the pages that
 * filters render (login step, handover) get them too, and the pages' policy still allows them.
 */
class StaticAssetsTest extends ToolIntegrationTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Test
    void everyPageOfALaunchLinksFingerprintedAssetsCachedForAYear() {
        TestPlatform moodle = newPlatform("moodle");
        LtiClient tab = LtiClient.withoutCookies(port);
        var login = tab.initiateLogin(moodle, "teacher");
        List<String> assets = new ArrayList<>(assets(login.body()));
        var handover = tab.postLaunchOnly(
                moodle.sign(withTool(moodle.moodleLaunch("teacher", INSTRUCTOR, login.nonce(), "course-assets"))),
                login.state());
        assertThat(assets(handover.body())).anyMatch(fingerprinted("/js/handover"));
        assets.addAll(assets(handover.body()));

        LtiClient browser = browser();
        browser.launch(moodle, "teacher", n -> moodle.moodleLaunch("teacher", INSTRUCTOR, n, "course-assets"));
        var page = browser.get("/app");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
        List<String> pageAssets = assets(page.body());
        assertThat(pageAssets).anyMatch(fingerprinted("/js/app"));
        assertThat(pageAssets).anyMatch(url -> url.startsWith("/webjars/htmx.org/"));
        assets.addAll(pageAssets);

        for (String asset : assets) {
            var response = browser.get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
            assertThat(response.headers().firstValue("Cache-Control").orElseThrow())
                    .as(asset)
                    .isEqualTo("max-age=31536000, immutable");
        }
    }

    @Test
    void anUnversionedAssetStillWorksButIsRevalidated() {
        var response = browser().get("/js/app.js");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(browser().get("/js/none-0123456789abcdef0123456789abcdef.js").statusCode())
                .isEqualTo(404);
    }

    /** Every browser asks each site for /favicon.ico: an icon, kept a day, and no warning in the log. */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theFaviconIsServed(org.springframework.boot.test.system.CapturedOutput log) {
        var response = LtiClient.withoutCookies(port).getBytes("/favicon.ico");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=86400");
        // An ICO file: reserved 0, type 1 (icon), one image.
        assertThat(response.body()).startsWith(0, 0, 1, 0, 1, 0);
        assertThat(log.getOut() + log.getErr()).doesNotContain("favicon");
    }

    private static java.util.function.Predicate<String> fingerprinted(String base) {
        return url -> url.matches(Pattern.quote(base) + "-[0-9a-f]{32}\\.(js|css)");
    }

    private Map<String, Object> withTool(Map<String, Object> claims) {
        claims.put(TestPlatform.LTI + "target_link_uri", "http://localhost:" + port + "/app");
        return claims;
    }

    private static List<String> assets(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

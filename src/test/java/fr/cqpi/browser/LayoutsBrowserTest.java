package fr.cqpi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.cqpi.support.Chromium;
import fr.cqpi.support.DemoBrowser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 21, points 15 and 16, as they show in Chromium through the demo LMS: at a phone's width (390 px) the
 * dashboard's legends wrap inside their card, the cohort's filters fold into « Filtres » so that the first learner is
 * on the first screen, the keyboard hints are hidden; at a laptop's (1366 px) the « Délivrer » buttons stand apart, the
 * modality reads whole and the cohort's progress, all of one day in the demo, is two bars and a sentence rather than
 * one dot; an English launch writes « Assessment: ». Screenshots to target/screenshots (dashboard-390, cohort-390, dashboard-progress-1366,
 * documents-1366, grid-en are copied to docs/screenshots).
 */
@Tag("browser")
// The same context as TrainerDayBrowserTest (same properties): this class only reads the demo course.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cqpi.demo.lms-host=127.0.0.1", "cqpi.demo.tool-host=localhost", "cqpi.demo.seed-cohort=true"})
@ActiveProfiles({"test", "demo"})
class LayoutsBrowserTest {

    static DemoBrowser browser;
    static ChromeDriver chrome;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() {
        browser = DemoBrowser.start(Chromium.ThirdParty.ALLOWED);
        chrome = browser.chrome();
        wait = browser.waits();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    void at(int width, int height) {
        chrome.switchTo().defaultContent();
        chrome.manage().window().setSize(new Dimension(width, height));
    }

    /** The trainer's cohort, once its table is there. */
    void cohort() {
        browser.launchAs(port, "trainer-1");
        new WebDriverWait(chrome, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("cohort-table")).getText().contains("Amina Benali"));
    }

    void follow(String linkText, String title) {
        chrome.findElement(By.linkText(linkText)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
    }

    Object js(String script, Object... args) {
        return chrome.executeScript(script, args);
    }

    /** Whether the tool's page scrolls sideways inside its frame. */
    boolean scrollsSideways() {
        return (Boolean) js("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    @Test
    void atAPhonesWidthTheDashboardLegendWrapsInsideItsCard() {
        at(390, 844);
        cohort();
        follow("Tableau de bord", "Tableau de bord");
        wait.until(d -> js("return !!document.querySelector('.chart-legend')").equals(true));
        assertThat(scrollsSideways())
                .as("the dashboard scrolls sideways at 390 px")
                .isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> legends = (List<Map<String, Object>>) js("""
                return [...document.querySelectorAll('.chart-legend')].map(function (legend) {
                  var card = legend.closest('.card').getBoundingClientRect();
                  var items = [...legend.querySelectorAll('li')].map(function (li) {
                    var r = li.getBoundingClientRect();
                    return {text: li.textContent, left: r.left, right: r.right, card: card.right};
                  });
                  return {items: items, clipped: legend.scrollWidth > legend.clientWidth,
                          canvasLegend: Chart.getChart(legend.previousElementSibling.querySelector('canvas'))
                              .options.plugins.legend.display};
                });""");
        assertThat(legends).isNotEmpty();
        Map<String, Object> states = legends.get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) states.get("items");
        assertThat(items).hasSize(7);
        assertThat(items)
                .anySatisfy(
                        item -> assertThat(item.get("text")).isEqualTo("Ajourné par le jury (à présenter de nouveau)"));
        assertThat(items)
                .allSatisfy(item -> assertThat(((Number) item.get("right")).doubleValue())
                        .as("right edge of « %s »", item.get("text"))
                        .isLessThanOrEqualTo(((Number) item.get("card")).doubleValue()));
        assertThat(states.get("clipped")).isEqualTo(false);
        assertThat(states.get("canvasLegend")).isEqualTo(false);
        js("document.getElementById('states-title').scrollIntoView()");
        browser.screenshot("dashboard-390");
    }

    @Test
    void atAPhonesWidthTheFiltersAreFoldedAndTheFirstLearnerIsOnTheFirstScreen() {
        at(390, 844);
        cohort();
        assertThat(scrollsSideways())
                .as("the cohort scrolls sideways at 390 px")
                .isFalse();
        assertThat(js("return document.querySelector('details.filters-panel').open"))
                .isEqualTo(false);
        assertThat(chrome.findElement(By.id("cohort-filter")).isDisplayed()).isFalse();
        // The first learner's name and first line (last evaluation) within the frame's first screen.
        Number firstLearnerBottom =
                (Number) js("return document.querySelector('table.cohort tbody tr td').getBoundingClientRect().bottom");
        Number screen = (Number) js("return window.innerHeight");
        assertThat(firstLearnerBottom.doubleValue())
                .as("the bottom of the first learner's first line, in a frame %s px high", screen)
                .isLessThanOrEqualTo(screen.doubleValue());
        browser.screenshot("cohort-390");

        // Opened, the five fields are there and filter as before.
        chrome.findElement(By.cssSelector("details.filters-panel > summary")).click();
        assertThat(chrome.findElement(By.id("cohort-filter")).isDisplayed()).isTrue();
        assertThat(chrome.findElements(By.cssSelector(".filters-panel .field"))).hasSize(5);
        chrome.findElement(By.id("cohort-filter")).sendKeys("Lambert");
        new WebDriverWait(chrome, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d ->
                        d.findElements(By.cssSelector("table.cohort tbody tr")).size() == 1);

        // A grid: the keyboard shortcuts, meaningless on a phone, are not shown.
        follow("Léa Lambert", "Léa Lambert");
        assertThat(chrome.findElement(By.cssSelector("p.keys")).isDisplayed()).isFalse();
        assertThat(scrollsSideways()).as("the grid scrolls sideways at 390 px").isFalse();
    }

    @Test
    void atALaptopsWidthTheFiltersStayOpenAndTheDocumentButtonsStandApart() {
        at(1366, 900);
        cohort();
        assertThat(js("return document.querySelector('details.filters-panel').open"))
                .isEqualTo(true);
        assertThat(chrome.findElement(By.cssSelector("details.filters-panel > summary"))
                        .isDisplayed())
                .isFalse();
        assertThat(chrome.findElement(By.id("cohort-filter")).isDisplayed()).isTrue();

        follow("Hugo Durand", "Hugo Durand");
        assertThat(chrome.findElement(By.cssSelector("p.keys")).isDisplayed()).isTrue();
        // The modality reads whole, « Observation en situation de travail » beside the select's arrow (about 24 px
        // with its margin; at 17rem the last letters were under it).
        assertThat((Boolean) js("""
                        var s = document.getElementById('modality-C1-3'), st = getComputedStyle(s);
                        var c = document.createElement('canvas').getContext('2d'); c.font = st.font;
                        var text = c.measureText(s.options[s.selectedIndex].text).width;
                        return s.options[s.selectedIndex].text === 'Observation en situation de travail'
                            && text + parseFloat(st.paddingLeft) + 32 <= s.clientWidth;""")).isTrue();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".documents-issue button")));
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> buttons = (List<Map<String, Number>>) js("""
                var form = document.querySelector('.documents-issue');
                form.scrollIntoView({block: 'center'});
                return [...form.querySelectorAll('button')].map(function (b) {
                  var r = b.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top};
                });""");
        assertThat(buttons).hasSize(3);
        for (int i = 1; i < buttons.size(); i++) {
            var before = buttons.get(i - 1);
            var next = buttons.get(i);
            if (next.get("top").doubleValue() == before.get("top").doubleValue()) {
                assertThat(next.get("left").doubleValue() - before.get("right").doubleValue())
                        .as("space between the « Délivrer » buttons %s and %s", i, i + 1)
                        .isGreaterThanOrEqualTo(10);
            }
        }
        browser.screenshot("documents-1366");
    }

    @Test
    void atALaptopsWidthOneDaysProgressIsTwoBarsAndASentence() {
        at(1366, 900);
        cohort();
        follow("Tableau de bord", "Tableau de bord");
        wait.until(d -> js("return !!(window.Chart && Chart.getChart(document.getElementById('chart-progress')))")
                .equals(true));
        // The demo's judgments are all of today: one day in the table.
        assertThat(chrome.findElements(By.cssSelector("table[data-chart=line] tbody tr")))
                .hasSize(1);
        assertThat(js("return Chart.getChart(document.getElementById('chart-progress')).config.type"))
                .isEqualTo("bar");
        assertThat(js("return Chart.getChart(document.getElementById('chart-progress')).data.labels"))
                .isEqualTo(List.of("Critères évalués (%)", "Critères acquis (%)"));
        assertThat(chrome.findElement(By.cssSelector(".progress-one-day")).getText())
                .startsWith("Tous les jugements enregistrés datent du ")
                .contains("% des critères de la cohorte sont évalués");
        js("document.getElementById('progress-title').scrollIntoView()");
        browser.screenshot("dashboard-progress-1366");
    }

    @Test
    void anEnglishLaunchWritesItsLabelsTheEnglishWay() {
        at(1366, 900);
        chrome.get("http://127.0.0.1:" + port + "/demo/course/trainer-1?lang=en");
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("tool-frame")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cohort"));
        new WebDriverWait(chrome, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("cohort-table")).getText().contains("Hugo Durand"));
        follow("Hugo Durand", "Hugo Durand");
        assertThat(js("return getComputedStyle(document.querySelector('.bloc-outcome dt'), '::after').content"))
                .isEqualTo("\": \"");
        assertThat(chrome.findElement(By.cssSelector("#bloc-summary-B1")).getText())
                .doesNotContain("Assessment :")
                .contains("% of the criteria met")
                .doesNotContain(" %");
        assertThat(chrome.findElement(By.cssSelector(".french-note")).getText()).contains("official French text");
        assertThat(chrome.findElement(By.cssSelector("header .who")).getText()).endsWith("Claire Martin — evaluation");
        js("document.querySelector('h1').scrollIntoView()");
        browser.screenshot("grid-en");
    }
}

package fr.cqpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Renders every message of both bundles the way Spring renders it — through {@link MessageFormat} when the
 * message takes arguments, as it is otherwise — and fails on what a user would see broken: a brace, a
 * « ?? », an apostrophe MessageFormat ate (« dun ») or one shown twice (« d''un »), a key missing from one
 * language or used by a template and defined nowhere.
 */
class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
    private static final Pattern SINGLE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private final Properties french = bundle("i18n/messages.properties");
    private final Properties english = bundle("i18n/messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
    }

    /** A merge left « <<<<<<< HEAD » in both bundles once: Properties reads it as a key, so nothing else failed. */
    @Test
    void noBundleHoldsAMergeConflictMarker() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            assertThat(Files.readAllLines(Path.of("src/main/resources/i18n", bundle)))
                    .as(bundle)
                    .noneMatch(
                            line -> line.startsWith("<<<<<<<") || line.equals("=======") || line.startsWith(">>>>>>>"));
        }
    }

    @Test
    void everyMessageRendersWholeInBothLanguages() {
        List<String> problems = new ArrayList<>();
        check(french, Locale.FRENCH, problems);
        check(english, Locale.ENGLISH, problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateUsesIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    used.add(keys.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(used)
                .allSatisfy(key -> assertThat(french.stringPropertyNames())
                        .as("key used by a template")
                        .contains(key));
    }

    private static void check(Properties bundle, Locale locale, List<String> problems) {
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String raw = bundle.getProperty(key);
            int arguments = argumentCount(raw);
            if (arguments == 0) {
                if (raw.contains("''")) {
                    problems.add(locale + " " + key + ": takes no argument, so '' is shown twice: " + raw);
                }
                continue;
            }
            if (SINGLE_QUOTE.matcher(raw).find()) {
                problems.add(locale + " " + key + ": takes arguments, so a single ' is lost (write ''): " + raw);
            }
            for (int sample : new int[] {0, 1, 2, 12}) {
                String rendered = render(raw, locale, arguments, sample);
                if (rendered.contains("{") || rendered.contains("}") || rendered.contains("??")) {
                    problems.add(locale + " " + key + " with " + sample + ": " + rendered);
                }
                long expected = raw.split("''", -1).length - 1L;
                if (rendered.chars().filter(c -> c == '\'').count() != expected) {
                    problems.add(locale + " " + key + ": apostrophes lost in « " + rendered + " »");
                }
            }
        }
    }

    private static String render(String raw, Locale locale, int arguments, int sample) {
        Object[] values = new Object[arguments];
        java.util.Arrays.fill(values, sample);
        try {
            return new MessageFormat(raw, locale).format(values);
        } catch (IllegalArgumentException e) {
            return "{invalid pattern: " + e.getMessage() + "}";
        }
    }

    private static int argumentCount(String raw) {
        int highest = -1;
        Matcher argument = ARGUMENT.matcher(raw);
        while (argument.find()) {
            highest = Math.max(highest, Integer.parseInt(argument.group(1)));
        }
        return highest + 1;
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

package org.arcc.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * The dashboard's two message files say the same things, every label the page asks for is in both, and the page
 * has nothing inline for the Content-Security-Policy to refuse. Plain JUnit over the served files.
 */
@UnitTest
class DashboardMessagesTest {

    private static final String ROOT = "META-INF/resources/dashboard/";
    private static final String[] MODULES = { "main", "auth", "reports-api", "i18n", "figures", "render" };

    @Test
    void urduSaysEverythingEnglishSays() throws IOException {
        assertThat(messages("ur").keySet()).containsExactlyInAnyOrderElementsOf(messages("en").keySet());
        assertThat(messages("ur").values()).as("no empty labels").noneMatch(String::isBlank);
    }

    @Test
    void everyLabelThePageAsksForIsInBothLanguages() throws IOException {
        Set<String> asked = new TreeSet<>();
        collect(Pattern.compile("data-i18n=\"([^\"]+)\""), resource("index.html"), asked);
        for (String module : MODULES) {
            String code = resource("js/" + module + ".js");
            collect(Pattern.compile("\\bt\\('([^']+)'\\s*[,)]"), code, asked);
            collect(Pattern.compile("'(error\\.[A-Za-z]+)'"), code, asked);
            Matcher section = Pattern.compile("\\{ key: '([a-z]+)'").matcher(code);
            while (section.find()) {
                asked.add("section." + section.group(1));
            }
            Matcher unit = Pattern.compile("unit: '([A-Z]+)'").matcher(code);
            while (unit.find()) {
                asked.add("unit." + unit.group(1));
            }
        }
        assertThat(asked).contains("title", "section.trend", "suppressionNote", "error.unavailable", "unit.HOURS");
        for (String language : new String[] { "en", "ur" }) {
            assertThat(messages(language).keySet()).as(language + ".json").containsAll(asked);
        }
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
        String page = resource("index.html");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).as("inline <script>").isFalse();
        assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
        for (String module : MODULES) {
            // Survivor-free as the figures are, text still goes in as text: never parsed as markup.
            assertThat(resource("js/" + module + ".js")).as(module).doesNotContain("innerHTML").doesNotContain("eval(");
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Map<String, String> messages(String language) throws IOException {
        Map<String, String> labels = new java.util.HashMap<>();
        new JsonObject(resource("messages/" + language + ".json")).forEach(e -> labels.put(e.getKey(), (String) e.getValue()));
        return labels;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DashboardMessagesTest.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

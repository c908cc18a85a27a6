package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens {@code slsguard.html} pages in headless Chromium (Debian's {@code chromium}): each sample's
 * page, the page of every sample at once and a page of hostile names load with no console message
 * (no script error, no blocked request, no CSP violation), user text stays text, and the severity
 * and pack filters hide findings by CSS alone, with every script refused. Skipped where
 * {@code chromium} is not on the PATH.
 */
class HtmlInChromiumTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    /** Names, descriptions and paths a reviewer must see as text, never as markup. */
    private static final String HOSTILE = """
            service: shop
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs22.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: '*'
                      Resource: 'arn:aws:s3:::bucket-"quoted"-<script>alert(1)</script>'
            functions:
              "ev'il<script>alert(1)</script>":
                handler: handler.main
                description: '<script>alert("description")</script> & "quotes" <img src=x onerror=alert(2)>'
                events:
                  - http:
                      path: 'items/<script>alert("path")</script>'
                      method: get
                  - sqs: arn:aws:sqs:us-east-1:123456789012:queue
            """;

    @TempDir
    Path temp;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = onPath("chromium");
        assumeTrue(found.isPresent(), "the chromium binary is not installed");
        chromium = found.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "legacy-reports"})
    void pageLoadsWithoutConsoleMessages(String sample) throws Exception {
        Path page = check(SAMPLES, "check", sample);
        Browser result = open(page);
        assertTrue(result.dom().contains("<h2>Summary</h2>"), "the page was rendered: " + result);
        assertEquals(List.of(), result.console(), result.log());
    }

    @Test
    void pageOfEverySampleLoadsWithoutConsoleMessages() throws Exception {
        Path page = check(SAMPLES, "check", "--recursive", ".");
        Browser result = open(page);
        assertEquals(List.of(), result.console(), result.log());
        assertTrue(result.dom().contains("id=\"s1\"") && result.dom().contains("id=\"s2\""), result.dom());
        assertTrue(result.dom().contains("orders-service/serverless.yml"), result.dom());
    }

    @Test
    void hostileTextIsShownAsText() throws Exception {
        Path service = Files.createDirectories(temp.resolve("svc"));
        Files.writeString(service.resolve("serverless.yml"), HOSTILE);
        Path page = check(temp, "check", "svc");
        Browser result = open(page);
        assertEquals(List.of(), result.console(), result.log());
        String dom = result.dom();
        assertTrue(dom.contains("<h2>Summary</h2>"), dom);
        // the DOM Chromium built has no element the user's text made: it is all text
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), dom);
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<img"), dom);
        assertTrue(dom.contains("ev'il&lt;script&gt;alert(1)&lt;/script&gt;"), dom);
        assertTrue(dom.contains("&lt;script&gt;alert(\"description\")&lt;/script&gt; &amp; \"quotes\" "
                + "&lt;img src=x onerror=alert(2)&gt;"), dom);
        assertTrue(dom.contains("items/&lt;script&gt;alert(\"path\")&lt;/script&gt;"), dom);
    }

    /**
     * The page runs with scripts off: its Content-Security-Policy refuses every script (one slipped
     * into a copy does not run), and with that policy in force unticking a filter changes what
     * Chromium draws. (Chromium's own --blink-settings=scriptEnabled=false also stops headless
     * --dump-dom and --screenshot, so the page's policy stands in for it.)
     */
    @Test
    void filtersWorkWithScriptsOff() throws Exception {
        Path page = check(SAMPLES, "check", "legacy-reports");
        String html = Files.readString(page);
        Path injected = temp.resolve("injected.html");
        Files.writeString(injected, html.replace("</body>",
                "<script>document.body.setAttribute('data-ran', 'yes')</script></body>"));
        Browser refused = open(injected);
        assertFalse(refused.dom().contains("data-ran=\"yes\""), "a script ran despite the page's policy");
        assertTrue(refused.dom().contains("<h2>Summary</h2>"), refused.toString());

        Path unticked = temp.resolve("unticked.html");
        assertTrue(html.contains("id=\"f-error\" checked"), html);
        Files.writeString(unticked, html.replace("id=\"f-error\" checked", "id=\"f-error\""));
        byte[] full = screenshot(page);
        byte[] filtered = screenshot(unticked);
        assertTrue(full.length > 1000 && filtered.length > 1000, "both pages were drawn");
        assertFalse(java.util.Arrays.equals(full, filtered), "hiding errors changed the page");
        assertEquals(full.length, screenshot(page).length, "the same page draws the same");
    }

    private byte[] screenshot(Path page) throws Exception {
        return new HeadlessChromium(chromium, temp).screenshot(page, List.of("--hide-scrollbars", "--window-size=1280,6000"));
    }

    /**
     * The filters are checkboxes and CSS: a copy of the page with a box unticked, plus a probe script
     * that writes what Chromium computed into the page, shows the matching findings hidden.
     */
    @Test
    void filtersHideFindingsWithoutScript() throws Exception {
        Path page = check(SAMPLES, "check", "legacy-reports");
        String html = Files.readString(page);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "the page itself has no script");
        assertTrue(html.contains("class=\"finding error"), "the sample has errors to hide");
        String probe = "<script>document.addEventListener('DOMContentLoaded', () => {"
                + "const shown = s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').length;"
                + "const out = document.createElement('pre'); out.id = 'probe';"
                + "out.textContent = 'errors ' + shown('.finding.error') + ' warnings ' + shown('.finding.warning')"
                + " + ' pack1 ' + shown('.finding.pack-1');"
                + "document.body.appendChild(out); });</script>";
        String testable = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</head>", probe + "</head>");

        String all = probe(testable, "all");
        int errors = count(all, "errors");
        assertTrue(errors > 0, all);

        String noErrors = probe(testable.replace("id=\"f-error\" checked", "id=\"f-error\""), "no-errors");
        assertEquals(0, count(noErrors, "errors"), noErrors);
        assertEquals(count(all, "warnings"), count(noErrors, "warnings"), noErrors);

        String noPack = probe(testable.replace("id=\"f-pack-1\" checked", "id=\"f-pack-1\""), "no-pack");
        assertTrue(count(all, "pack1") > 0, all);
        assertEquals(0, count(noPack, "pack1"), noPack);
    }

    private String probe(String html, String name) throws Exception {
        Path file = temp.resolve(name + ".html");
        Files.writeString(file, html);
        Browser result = open(file);
        int start = result.dom().indexOf("<pre id=\"probe\">");
        assertTrue(start >= 0, result.toString());
        return result.dom().substring(start, result.dom().indexOf("</pre>", start));
    }

    private static int count(String probe, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(label + " (\\d+)").matcher(probe);
        assertTrue(m.find(), probe);
        return Integer.parseInt(m.group(1));
    }

    /** Runs slsguard in {@code dir}; returns the page it wrote. */
    private Path check(Path dir, String... args) {
        Path out = temp.resolve("out-" + Math.abs(String.join(" ", args).hashCode()));
        MapDrawing.check(dir, out, args);
        return out.resolve("slsguard.html");
    }

    /** What Chromium made of a page: the DOM it built, its log, and the console lines in it. */
    private record Browser(String dom, String log, List<String> console) {
    }

    private Browser open(Path page) throws Exception {
        String name = page.getFileName() + "-" + System.nanoTime();
        Path stdout = temp.resolve(name + ".out");
        Path stderr = temp.resolve(name + ".err");
        new HeadlessChromium(chromium, temp).run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString()), stdout, stderr, () -> HeadlessChromium.domComplete(stdout));
        String dom = Files.readString(stdout);
        String log = Files.readString(stderr);
        List<String> console = log.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Refused to") || l.contains("Uncaught"))
                .toList();
        return new Browser(dom, log, console);
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
            return dirs.filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        }
    }
}

package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slsguard.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review page answers "what can this function do" in headless Chromium: a function's own
 * section lists what its role grants, a hand-written {@code s3:*} included, with a badge linking to
 * the finding on it; and the page fits 1280 px without a horizontal scrollbar, for the review-page
 * service, the orders sample and a service of 30 functions with long names and ARNs. Screenshots
 * are left in {@code target/review-page/} for a person to look at. Skipped where {@code chromium}
 * is not on the PATH.
 */
class ReviewPageInChromiumTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SHOTS = BASE.resolve("target/review-page");

    @TempDir
    Path temp;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        chromium = HtmlInChromiumTest.onPath("chromium").orElse(null);
        assumeTrue(chromium != null, "the chromium binary is not installed");
    }

    @Test
    void functionSectionShowsTheHandWrittenGrantAndItsFinding() throws Exception {
        String dom = dom(check(BASE.resolve("src/test/resources"), "review-page"));
        // the page refuses every script itself (Chromium's scriptEnabled=false stops --dump-dom)
        assertTrue(dom.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""), dom);
        assertTrue(dom.contains("<title>slsguard review: invoices</title>"), "the service name as resolved: " + dom);

        String upload = section(dom, "fn-1");
        assertTrue(upload.contains("<code>uploadInvoice</code>"), upload);
        Matcher row = Pattern.compile("<tr><td class=\"effect-Allow\">Allow</td><td class=\"mono\">s3:\\*</td>"
                + "<td class=\"mono multiline\">!GetAtt UploadsBucket.Arn</td><td>list, read, write, permissions management, "
                + "tagging</td><td class=\"kind-declared\">declared at review-page/serverless.yml:17 "
                + "\\(provider.iam.role.statements\\).*?</tr>", Pattern.DOTALL).matcher(upload);
        assertTrue(row.find(), "the role's s3:* statement, as written, in the function's own section: " + upload);
        Matcher badge = Pattern.compile("<a class=\"badge sev-warning\" href=\"#(finding-\\d+)\"[^>]*>SLS-IAM-102</a>")
                .matcher(row.group());
        assertTrue(badge.find(), "its finding as a badge: " + row.group());
        String finding = article(dom, badge.group(1));
        assertTrue(finding.contains("<strong>SLS-IAM-102</strong>"), finding);
        assertTrue(finding.contains("review-page/serverless.yml:18:19"), finding);
        // a statement serving this function's event, and the managed policy, are there too
        assertTrue(upload.contains("sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes</td>"
                + "<td class=\"mono multiline\">!GetAtt InvoicesQueue.Arn</td>"), upload);
        assertTrue(upload.contains("AWS managed policy AmazonSQSReadOnlyAccess, attached at review-page/serverless.yml:15"),
                upload);

        // the function with a role of its own under resources: sees that role's statements, not the shared ones
        String audit = section(dom, "fn-2");
        assertTrue(audit.contains("written in resources.Resources.AuditRole.Policies at "
                + "review-page/serverless.yml:"), audit);
        assertTrue(Pattern.compile("iam:PassRole</td>.*?>SLS-IAM-003</a>", Pattern.DOTALL).matcher(audit).find(), audit);
        assertFalse(audit.contains("s3:*"), audit);
        assertFalse(dom.contains("Fn::"), "no resource as intrinsic JSON");
    }

    @Test
    void pageFits1280PixelsWithoutHorizontalScrolling() throws Exception {
        Files.createDirectories(SHOTS);
        Path wide = Files.createDirectories(temp.resolve("wide"));
        Files.writeString(wide.resolve("serverless.yml"), thirtyFunctions());
        Map<String, Path> pages = Map.of(
                "review-page", check(BASE.resolve("src/test/resources"), "review-page"),
                "orders-service", check(BASE, "orders-service"),
                "thirty-functions", check(temp, "wide"));
        for (Map.Entry<String, Path> page : pages.entrySet()) {
            assertFalse(scrollsSideways(page.getValue()), page.getKey() + " is wider than 1280 px");
            Files.write(SHOTS.resolve(page.getKey() + ".png"), screenshot(page.getValue(), 9000));
        }
        // the check sees a page that is too wide
        Path tooWide = temp.resolve("too-wide.html");
        Files.writeString(tooWide, Files.readString(pages.get("review-page"))
                .replace("</main>", "<div style=\"width: 2000px\">x</div></main>"));
        assertTrue(scrollsSideways(tooWide), "a 2000 px block makes the page scroll sideways");
    }

    /**
     * Whether Chromium draws a horizontal scrollbar for the page in a 1280 px window: the page and a
     * copy whose root clips sideways overflow draw the same only when nothing overflows. A page that
     * overflows differs every time; a pair that differs on a loaded machine (Chromium drew part of
     * the page) is taken again, up to three times, before the page is called too wide.
     */
    private boolean scrollsSideways(Path page) throws Exception {
        Path clipped = temp.resolve("clipped-" + page.getFileName() + "-" + System.nanoTime() + ".html");
        Files.writeString(clipped, Files.readString(page).replace("</head>", "<style>html { overflow-x: hidden; }</style></head>"));
        for (int attempt = 0; attempt < 3; attempt++) {
            byte[] drawn = screenshot(page, 900);
            byte[] clippedDrawn = screenshot(clipped, 900);
            if (Arrays.equals(drawn, clippedDrawn)) {
                return false;
            }
            // kept for whoever looks into a failure
            Files.write(SHOTS.resolve("sideways-" + page.getParent().getFileName() + ".png"), drawn);
            Files.write(SHOTS.resolve("sideways-" + page.getParent().getFileName() + "-clipped.png"), clippedDrawn);
        }
        return true;
    }

    /** A service of 30 functions with long names, descriptions and ARNs. */
    private static String thirtyFunctions() {
        StringBuilder yaml = new StringBuilder("""
                service: warehouse-order-notifications-with-a-rather-long-service-name
                frameworkVersion: '3'
                configValidationMode: warn
                provider:
                  name: aws
                  region: eu-west-1
                  runtime: nodejs22.x
                  memorySize: 256
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem, dynamodb:Query, dynamodb:BatchWriteItem]
                          Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/warehouse-order-notifications-table-with-a-long-name/index/*
                functions:
                """);
        for (int i = 0; i < 30; i++) {
            String name = "processIncomingOrderNotificationFromTheWarehouseManagementSystemNumber" + i;
            yaml.append("  ").append(name).append(":\n")
                    .append("    handler: src/handlers/").append(name).append(".handler\n")
                    .append("    description: Processes order notification number ").append(i)
                    .append(" that the warehouse management system sends through its queue\n")
                    .append("    events:\n")
                    .append("      - sqs: arn:aws:sqs:eu-west-1:123456789012:warehouse-order-notifications-queue-")
                    .append("with-a-long-name-number-").append(i).append("\n")
                    .append("      - http:\n")
                    .append("          path: warehouses/{warehouseId}/orders/{orderId}/notifications/number-").append(i)
                    .append("/acknowledgements-with-a-long-path\n")
                    .append("          method: post\n");
        }
        return yaml.toString();
    }

    private static String section(String dom, String id) {
        int start = dom.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    private static String article(String dom, String id) {
        int start = dom.indexOf("<article id=\"" + id + "\"");
        assertTrue(start >= 0, "no finding " + id);
        return dom.substring(start, dom.indexOf("</article>", start));
    }

    /** Runs {@code slsguard check} in {@code dir}; returns the page it wrote. */
    private Path check(Path dir, String service) {
        Path out = temp.resolve("out-" + service);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"check", service, "--output", out.toString(), "--fail-on", "never"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.resolve("slsguard.html");
    }

    private String dom(Path page) throws Exception {
        Path out = temp.resolve("dom-" + System.nanoTime() + ".html");
        browser().run(List.of("--dump-dom", page.toUri().toString()), out, temp.resolve(out.getFileName() + ".log"),
                () -> HeadlessChromium.domComplete(out));
        return Files.readString(out);
    }

    private byte[] screenshot(Path page, int height) throws Exception {
        return browser().screenshot(page, List.of("--window-size=1280," + height,
                "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000"));
    }

    private HeadlessChromium browser() {
        return new HeadlessChromium(chromium, temp);
    }
}

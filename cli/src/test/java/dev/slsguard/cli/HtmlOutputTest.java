package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slsguard.html} through the command line: always written by check, printed by --format html. */
class HtmlOutputTest {

    /** Names, descriptions and paths a reviewer must see as text, never as markup. */
    static final String HOSTILE = """
            service: shop
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs20.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: '*'
                      Resource: 'arn:aws:s3:::bucket-"quoted"-<script>alert(1)</script>'
            functions:
              "ev'il<script>alert(1)</script>":
                handler: handler.main
                description: '<script>alert("description")</script> & "quotes"'
                events:
                  - http:
                      path: 'items/<script>alert("path")</script>'
                      method: get
                  - sqs: arn:aws:sqs:us-east-1:123456789012:queue
            """;

    @TempDir
    Path dir;

    @Test
    void userTextIsRenderedAsText() throws Exception {
        Services.write(dir.resolve("svc"), HOSTILE);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "html", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        String html = Files.readString(dir.resolve("out/slsguard.html"));
        assertEquals(html, run.out(), "--format html prints the file written");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(html.contains("<code>ev'il&lt;script&gt;alert(1)&lt;/script&gt;</code>"), html);
        assertTrue(html.contains("<p>&lt;script&gt;alert(\"description\")&lt;/script&gt; &amp; \"quotes\"</p>"), html);
        assertTrue(html.contains("items/&lt;script&gt;alert(\"path\")&lt;/script&gt;"), html);
        assertTrue(html.contains("arn:aws:s3:::bucket-\"quoted\"-&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("declared at svc/serverless.yml:9"), "the declared statement's origin: " + html);
        assertTrue(html.contains("derived by rule SLS-DRV-"), "the sqs event's derived statement: " + html);
    }

    @Test
    void rolesDefinedElsewhereAreNamedNotGuessed() throws Exception {
        Services.write(dir.resolve("svc"), """
                service: shop
                frameworkVersion: '3'
                provider:
                  name: aws
                  runtime: nodejs20.x
                  iam:
                    role: arn:aws:iam::123456789012:role/platform-lambda
                functions:
                  worker:
                    handler: handler.main
                  own:
                    handler: handler.own
                    role: arn:aws:iam::123456789012:role/own-role
                """);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "html", "--fail-on", "never");
        assertEquals(0, run.exitCode(), run.toString());
        String html = run.out();
        assertTrue(html.contains("runs with the provider's role (provider.iam.role), defined outside this template"),
                html);
        assertTrue(html.contains("runs with a role defined outside this service "
                + "(arn:aws:iam::123456789012:role/own-role)"), html);
        assertFalse(html.contains("IamRoleLambdaExecution"), html);
    }

    @Test
    void writtenByCheckWhateverTheFormatAndByteIdentical() throws Exception {
        Services.write(dir.resolve("svc"), HOSTILE);
        Run first = Run.in(dir, "check", "svc", "--output", "one", "--format", "json", "--fail-on", "never");
        Run second = Run.in(dir, "check", "svc", "--output", "two", "--fail-on", "never");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, second.exitCode(), second.toString());
        byte[] html = Files.readAllBytes(dir.resolve("one/slsguard.html"));
        assertArrayEquals(html, Files.readAllBytes(dir.resolve("two/slsguard.html")));
        assertFalse(new String(html, java.nio.charset.StandardCharsets.UTF_8).contains(dir.toString()),
                "no absolute path of this machine in the page");
        assertFalse(Files.exists(dir.resolve("svc/.slsguard/slsguard.html")));
    }
}

package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.Invocation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML review page: content, origins, snippets, escaping of everything the user wrote. */
class HtmlReportTest {

    private static final String FILE = "svc/serverless.yml";
    private static final String EVIL = "<script>alert(\"x\")</script>'";
    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");

    private static final String SOURCE = String.join("\n",
            "service: shop",                                    // 1
            "provider:",                                        // 2
            "  name: aws",                                      // 3
            "  iam:",                                           // 4
            "    role:",                                        // 5
            "      statements:",                                // 6
            "        - Effect: Allow",                          // 7
            "          Action: '*'",                            // 8
            "          Resource: '*'",                          // 9
            "functions:",                                       // 10
            "  'evil" + EVIL + "':",                            // 11
            "    handler: h.main",                              // 12
            "    description: '" + EVIL + "'",                  // 13
            "    events:",                                      // 14
            "      - sqs: arn:aws:sqs:us-east-1:1:q",           // 15
            "      - http: GET /" + EVIL,                       // 16
            "") + "\n";

    private static Analysis analysis() {
        String key = "evil" + EVIL;
        MapNode config = new MapNode(new SourceRef(FILE, 12, 5, "/functions/x"), List.of(
                new MapNode.Field("description", new SourceRef(FILE, 13, 5, ""),
                        new ScalarNode(new SourceRef(FILE, 13, 18, ""), EVIL))));
        Function function = new Function(key, "shop-dev-" + key, 0, "EvilLambdaFunction", Optional.of("nodejs20.x"),
                6, 1024, Optional.empty(), new SourceRef(FILE, 11, 3, "/functions/" + key), config);
        EventDecl sqs = new EventDecl(key, 0, "sqs", 19, Invocation.POLL, Setting.of(new ScalarNode(new SourceRef(FILE, 15, 14, ""),
                "arn:aws:sqs:us-east-1:1:q")), new SourceRef(FILE, 15, 9, "/functions/" + key + "/events/0"), true);
        EventDecl http = new EventDecl(key, 1, "http", 2, Invocation.SYNC, Setting.of(new ScalarNode(new SourceRef(FILE, 16, 15, ""),
                "GET /" + EVIL)), new SourceRef(FILE, 16, 9, "/functions/" + key + "/events/1"), true);
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        IamStatement declared = new IamStatement("IamRoleLambdaExecution", "Allow", List.of("*"),
                List.of(new CfnValue.Literal("*")), doc, IamStatement.DECLARED, "provider.iam.role.statements",
                Optional.empty(), new SourceRef(FILE, 7, 11, "/provider/iam/role/statements/0"), "1-0000");
        IamStatement derived = new IamStatement("IamRoleLambdaExecution", "Allow",
                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                List.of(new CfnValue.Literal("arn:aws:sqs:us-east-1:1:q" + EVIL)), doc, IamStatement.DERIVED,
                "SLS-DRV-001", Optional.of(key), new SourceRef(FILE, 15, 9, ""), "3-19-00001-00");
        IamStatement otherRole = new IamStatement("SomeOtherRole", "Allow", List.of("s3:GetObject"),
                List.of(new CfnValue.Literal("*")), doc, IamStatement.DERIVED, "SLS-DRV-002", Optional.empty(),
                new SourceRef(FILE, 2, 1, ""), "3-00");
        List<RuleInfo> rules = List.of(
                new RuleInfo("SLS-IAM-001", Severity.ERROR, "wildcard " + EVIL, "desc " + EVIL,
                        "https://example.com/\"onmouseover=\"alert(1)", List.of("least-privilege", "security"),
                        "dev.slsguard.rules.iam", "star"),
                new RuleInfo("SLS-API-001", Severity.WARNING, "route without authorizer", "No authorizer.",
                        "Add an authorizer: " + EVIL, List.of("api"), "dev.slsguard.rules.api", "auth"));
        List<Finding> findings = List.of(
                new Finding("SLS-IAM-001", Severity.ERROR, "Statement allows " + EVIL,
                        new SourceRef(FILE, 8, 11, "/provider/iam/role/statements/0/Action"), "f1"),
                new Finding("SLS-API-001", Severity.WARNING, "Route " + EVIL + " has no authorizer.",
                        new SourceRef(FILE, 16, 9, "/functions/" + key.replace("~", "~0").replace("/", "~1")
                                + "/events/1"), "f2"));
        MapNode root = new MapNode(SourceRef.ofFile(FILE), List.of(new MapNode.Field("service",
                new SourceRef(FILE, 1, 1, ""), new ScalarNode(new SourceRef(FILE, 1, 10, ""), "shop"))));
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.putObject("Resources").putObject("IamRoleLambdaExecution").put("Type", "AWS::IAM::Role");
        return new Analysis(new SourceDocument(Path.of(FILE), FILE, root), template,
                findings, rules, SOURCE, List.of(function), List.of(sqs, http), List.of(declared, derived, otherRole));
    }

    @Test
    void thePageAndItsMapMadeApartAreThePageMadeWhole() {
        Analysis analysis = analysis();
        Optional<dev.slsguard.reports.map.MapLayout.Placed> map = Optional.of(
                dev.slsguard.reports.map.MapLayout.of(analysis, ActionLevels.UNKNOWN));
        byte[] figure = HtmlReport.mapFigure(analysis, map);
        String page = new String(HtmlReport.pageWithMapSlot(analysis, TOOL, ActionLevels.UNKNOWN).withMap(figure),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(new String(HtmlReport.bytes(analysis, TOOL, ActionLevels.UNKNOWN, map),
                java.nio.charset.StandardCharsets.UTF_8), page);
        String figureText = new String(figure, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(figureText.startsWith("<figure class=\"service-map-figure\"") && figureText.contains("<svg"), figureText);
        assertEquals(1, count(page, "<figure class=\"service-map-figure\""));
        assertTrue(page.indexOf("<svg") > page.indexOf("<main>") && page.indexOf("<svg") < page.indexOf("id=\"summary\""),
                "the map is at the top of the page's main part");
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), page);
        // without a map: the page has no figure
        String bare = new String(HtmlReport.pageWithMapSlot(analysis, TOOL, ActionLevels.UNKNOWN).withMap(
                HtmlReport.mapFigure(analysis, Optional.empty())), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(HtmlReport.render(analysis, TOOL, ActionLevels.UNKNOWN), bare);
        assertFalse(bare.contains("<figure"), bare);
        assertEquals(page, bare.replace("<main>\n", "<main>\n" + figureText), "the figure goes where the map was left out");
    }

    @Test
    void everythingTheUserWroteIsText() {
        String html = HtmlReport.render(analysis(), TOOL);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element at all");
        assertTrue(html.contains("<a href=\"https://example.com/&#34;onmouseover=&#34;alert(1)\">"),
                "quotes cannot close an attribute value: " + html);
        assertFalse(Pattern.compile("<[^>]*[\\s\"]onmouseover=").matcher(html).find(), "no attribute was injected");
        // name, description, path, message, rule title and help, snippet: each shows up escaped
        int escaped = count(html, "&lt;script&gt;alert(");
        assertTrue(escaped >= 9, "escaped occurrences: " + escaped + "\n" + html);
        assertTrue(html.contains("<code>evil&lt;script&gt;"), html);
    }

    @Test
    void functionShowsItsEventsPermissionsWithOriginAndFindings() {
        String html = HtmlReport.render(analysis(), TOOL);
        String section = html.substring(html.indexOf("<section id=\"fn-1\""), html.indexOf("<h2>Roles</h2>"));
        assertTrue(section.contains("<code>sqs</code></td><td class=\"n\">15</td>"), section);
        assertTrue(section.contains("<code>http</code></td><td class=\"n\">16</td>"), section);
        assertTrue(section.contains("derived by rule SLS-DRV-001 from the configuration at svc/serverless.yml:15"),
                section);
        assertTrue(section.contains("<td class=\"mono\">sqs:ReceiveMessage, sqs:DeleteMessage</td>"), section);
        // the statement declared for the whole service is one of its grants too, with the finding on it
        assertTrue(section.contains("declared at svc/serverless.yml:7 (provider.iam.role.statements)"), section);
        assertTrue(section.contains("<a class=\"badge sev-error\" href=\"#finding-1\""), section);
        assertTrue(section.contains("<a href=\"#role-IamRoleLambdaExecution\">"), "links to all its role grants");
        assertTrue(section.contains("SLS-API-001"), "a finding under the function is shown in its section");
        assertTrue(section.contains("the service's execution role IamRoleLambdaExecution"), section);

        // the role's statements are listed once, in the role's section, with their origin
        String role = html.substring(html.indexOf("<section id=\"role-IamRoleLambdaExecution\">"));
        assertTrue(role.contains("declared at svc/serverless.yml:7 (provider.iam.role.statements)"), role);
        assertTrue(role.contains("derived by rule SLS-DRV-001 from the configuration at svc/serverless.yml:15"), role);
        assertTrue(role.contains("<tr id=\"role-IamRoleLambdaExecution-1\">"), role);
        assertTrue(html.contains("<article id=\"finding-1\" class=\"finding error"), "the badge's target");
        assertFalse(html.contains("s3:GetObject"), "a role no function runs with is not shown");
    }

    @Test
    void summaryCountsBySeverityAndPack() {
        String html = HtmlReport.render(analysis(), TOOL);
        assertTrue(html.contains("<p>2 findings</p>"), html);
        assertTrue(html.contains("<tr><td>least-privilege</td><td class=\"n\">1</td><td class=\"n\">0</td>"
                + "<td class=\"n\">0</td></tr>"), html);
        assertTrue(html.contains("<tr><td>api</td><td class=\"n\">0</td><td class=\"n\">1</td>"), html);
        assertTrue(html.contains("<span class=\"sev sev-error\">error</span></td><td class=\"n\">1</td>"), html);
    }

    @Test
    void findingShowsRuleHelpAndMarkedSnippet() {
        String html = HtmlReport.render(analysis(), TOOL);
        String service = html.substring(html.indexOf("<section id=\"service\""), html.indexOf("<section id=\"fn-1\""));
        assertTrue(service.contains("SLS-IAM-001"), "the provider-level finding is service-wide");
        assertTrue(service.contains("<div class=\"hit\"><span class=\"ln\">8</span>          Action: '*'</div>"),
                service);
        for (int line = 5; line <= 11; line++) {
            assertTrue(service.contains("<span class=\"ln\">" + line + "</span>"), "context line " + line);
        }
        assertFalse(service.contains("<span class=\"ln\">12</span>"));
        assertTrue(service.contains("desc &lt;script&gt;"), service);
        assertTrue(html.contains("<strong>Fix:</strong> Add an authorizer: &lt;script&gt;"), html);
    }

    @Test
    void severityAndPackFiltersNeedNoScript() {
        String html = HtmlReport.render(analysis(), TOOL);
        for (String severity : List.of("error", "warning", "note")) {
            assertTrue(html.contains("<input type=\"checkbox\" id=\"f-" + severity + "\" checked><label for=\"f-"
                    + severity + "\">" + severity + "</label>"), html);
        }
        assertTrue(html.contains("#f-error:not(:checked) ~ main .finding.error"), html);
        // packs are numbered in summary order (api, least-privilege): no user text in the CSS
        assertTrue(html.contains("<label for=\"f-pack-2\">least-privilege</label>"), html);
        assertTrue(html.contains("#f-pack-2:not(:checked) ~ main .finding.pack-2 { display: none; }"), html);
        assertTrue(html.contains("<article id=\"finding-1\" class=\"finding error pack-2\">"), html);
        assertTrue(html.contains("<article id=\"finding-2\" class=\"finding warning pack-1\">"), html);
    }

    @Test
    void selfContainedAndDeterministic() {
        String html = HtmlReport.render(analysis(), TOOL);
        assertEquals(html, HtmlReport.render(analysis(), TOOL));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
        while (links.find()) {
            assertTrue(links.group(1).startsWith("https://example.com/"), "only the rule's help link: " + links.group());
        }
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(html.contains("<img"), "no images");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void originsOfManagedAndResourceStatementsAreSentences() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        IamStatement managed = new IamStatement("IamRoleLambdaExecution", "Allow", List.of("s3:*"),
                List.of(new CfnValue.Literal("*")), doc, IamStatement.MANAGED,
                IamStatement.MANAGED_POLICY_PREFIX + "AmazonS3FullAccess", Optional.empty(),
                new SourceRef(FILE, 25, 11, "/provider/iam/role/managedPolicies/1"), "1-0000");
        assertEquals("AWS managed policy AmazonS3FullAccess, attached at svc/serverless.yml:25",
                RolePermissions.origin(managed));
        IamStatement resource = new IamStatement("WorkerRole", "Allow", List.of("sqs:SendMessage"),
                List.of(new CfnValue.Literal("*")), doc, IamStatement.RESOURCE,
                "resources.Resources.WorkerRole.Properties.Policies", Optional.empty(),
                new SourceRef(FILE, 40, 15, "/resources/Resources/WorkerRole/Properties/Policies/0"), "1-0000");
        assertEquals("written in resources.Resources.WorkerRole.Properties.Policies at svc/serverless.yml:40",
                RolePermissions.origin(resource));
    }
}

package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The service map slsguard draws at the top of {@code slsguard.html} and writes as
 * {@code slsguard-map.svg}, read back through an XML parser: the orders sample's functions, event
 * sources, failure queue and hand-written grants with the right arrows; hostile names only as text;
 * the same bytes on every run.
 */
class ServiceMapTest {

    private static final Path SAMPLES = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void ordersMapShowsFunctionsSourcesFailureQueueAndHandWrittenGrants() throws Exception {
        Path out = temp.resolve("orders");
        MapDrawing.check(SAMPLES, out, "check", "orders-service");
        MapDrawing map = MapDrawing.parse(Files.readString(out.resolve("slsguard-map.svg")));

        assertEquals(List.of("placeOrder", "projectOrders", "trackShipments"),
                map.boxes("FUNCTION").stream().map(MapDrawing.Box::title).sorted().toList());

        // each function's source, with the event type and that Lambda polls it
        assertEquals(List.of("sqs · poll"), labels(map.arrows().stream()
                .filter(a -> a.from().equals(map.box("OrdersQueue")) && a.to().equals(map.box("placeOrder")))
                .toList()));
        assertEquals(List.of("stream (dynamodb) · poll"), labels(map.arrows().stream()
                .filter(a -> a.from().equals(map.box("OrdersTable")) && a.to().equals(map.box("projectOrders")))
                .toList()));
        assertEquals(List.of("stream (kinesis) · poll"), labels(map.arrows().stream()
                .filter(a -> a.from().equals(map.box("ShipmentsStream")) && a.to().equals(map.box("trackShipments")))
                .toList()));
        assertEquals("AWS::Kinesis::Stream", map.box("ShipmentsStream").detail());
        for (String source : List.of("OrdersQueue", "OrdersTable", "ShipmentsStream")) {
            assertEquals("SOURCE", map.box(source).kind(), source);
        }

        // the failure queue of both stream functions
        MapDrawing.Box failed = map.box("OrdersFailedQueue");
        assertEquals(Set.of("projectOrders", "trackShipments"), map.to(failed).stream()
                .filter(a -> a.kind().equals("FAILURE")).map(a -> a.from().title()).collect(java.util.stream.Collectors.toSet()));
        map.to(failed).stream().filter(a -> a.kind().equals("FAILURE"))
                .forEach(a -> assertEquals("on failure", a.label()));

        // every function runs with the service's execution role
        MapDrawing.Box role = map.box("IamRoleLambdaExecution");
        assertEquals(List.of("placeOrder", "projectOrders", "trackShipments"), map.to(role).stream()
                .filter(a -> a.kind().equals("RUNS_WITH")).map(a -> a.from().title()).sorted().toList());

        // the hand-written grants: GetItem (read), PutItem and UpdateItem (write) on the table,
        // SendMessage (write) on the failure queue; the derived ones add stream reads
        MapDrawing.Arrow table = grant(map, role, map.box("OrdersTable"));
        assertTrue(table.label().contains("read") && table.label().contains("write"), table.label());
        MapDrawing.Arrow queue = grant(map, role, failed);
        assertTrue(queue.label().contains("write"), queue.label());
        assertTrue(grant(map, role, map.box("OrdersQueue")).label().contains("read"));
        assertTrue(grant(map, role, map.box("ShipmentsStream")).label().contains("read"));

        // functions link to their sections of the page
        for (Element a : MapDrawing.elements(map.document(), "a")) {
            assertTrue(a.getAttribute("href").startsWith("slsguard.html#"), a.getAttribute("href"));
        }
    }

    @Test
    void theMapIsAtTheTopOfThePageAndItsLinksLeadToFindings() throws Exception {
        Path service = Files.createDirectories(temp.resolve("wild"));
        Files.writeString(service.resolve("serverless.yml"), """
                service: wild
                frameworkVersion: '3'
                provider:
                  name: aws
                  runtime: nodejs20.x
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: 's3:*'
                          Resource: '*'
                functions:
                  worker:
                    handler: handler.main
                    events:
                      - schedule: rate(5 minutes)
                """);
        Path out = temp.resolve("out");
        MapDrawing.check(temp, out, "check", "wild");
        String html = Files.readString(out.resolve("slsguard.html"));
        assertTrue(html.indexOf("<svg") < html.indexOf("id=\"summary\""), "the map comes first");
        MapDrawing map = MapDrawing.parse(MapDrawing.cutFromPage(html));
        MapDrawing.Arrow every = grant(map, map.box("IamRoleLambdaExecution"), map.box("*"));
        assertFalse(every.href().isEmpty(), "the grant on * links to its finding");
        String anchor = every.href().substring(1);
        int at = html.indexOf("<article id=\"" + anchor + "\" class=\"finding error");
        assertTrue(at > 0, "the link leads to an error finding: " + anchor);
        int rule = html.indexOf("<strong>SLS-IAM-", at);
        assertTrue(rule > at && rule < html.indexOf("</article>", at), "about IAM: " + anchor);
        assertEquals("error", every.severity());
        assertEquals(List.of("schedule · async"), labels(map.to(map.box("worker")).stream().toList()));
        assertTrue(MapDrawing.elements(map.document(), "a").stream()
                .anyMatch(a -> a.getAttribute("href").equals("#fn-1")), "the function links to its section");
    }

    /** Names that try to end the SVG, open a script, close a CDATA section or declare an entity. */
    @Test
    void hostileNamesAppearOnlyAsText() throws Exception {
        String evil = "x</svg><script>alert(1)</script>]]>&amp;\"'<!ENTITY e SYSTEM 'file:///etc/passwd'>";
        Path service = Files.createDirectories(temp.resolve("svc"));
        Files.writeString(service.resolve("serverless.yml"), """
                service: evil
                frameworkVersion: '3'
                configValidationMode: warn
                provider:
                  name: aws
                  runtime: nodejs20.x
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: sqs:SendMessage
                          Resource: ARN
                functions:
                  EVIL:
                    handler: handler.main
                    events:
                      - sqs: ARN
                      - http:
                          path: PATH
                          method: get
                      - eventBridge:
                          eventBus: EVIL
                          pattern:
                            source: [orders]
                      - kafka:
                          topic: EVIL
                          bootstrapServers: [EVIL]
                          accessConfigurations:
                            saslScram512Auth: arn:aws:secretsmanager:us-east-1:123456789012:secret:k
                """.replace("ARN", quoted("arn:aws:sqs:us-east-1:123456789012:" + evil))
                .replace("PATH", quoted(evil + "/items")).replace("EVIL", quoted(evil)));
        Path out = temp.resolve("out");
        MapDrawing.check(temp, out, "check", "svc");
        String file = Files.readString(out.resolve("slsguard-map.svg"));
        String page = MapDrawing.cutFromPage(Files.readString(out.resolve("slsguard.html")));
        for (String svg : List.of(file, page)) {
            MapDrawing map = MapDrawing.parse(svg); // a DOCTYPE or an unbalanced tag would fail here
            Set<String> names = new TreeSet<>();
            for (Element e : MapDrawing.elements(map.document(), "*")) {
                names.add(e.getLocalName());
                for (int i = 0; i < e.getAttributes().getLength(); i++) {
                    assertFalse(e.getAttributes().item(i).getNodeName().toLowerCase(java.util.Locale.ROOT)
                            .startsWith("on"), svg);
                }
            }
            assertEquals(Set.of("a", "defs", "g", "marker", "path", "rect", "style", "svg", "text", "title"), names);
            // the function, the queue (as its source and as a grant), the route group, the bus and the
            // cluster carry the name as text: in full in their tooltip, maybe cut on the box
            MapDrawing.Box function = map.boxes("FUNCTION").get(0);
            assertTrue(function.tooltip().startsWith(evil), function.tooltip());
            assertTrue(evil.startsWith(function.title().replace("…", "")), function.title());
            String routeGroup = "/" + evil.substring(0, evil.indexOf('/')); // routes group by their first segment
            for (MapDrawing.Box box : map.boxes("SOURCE")) {
                assertTrue(box.tooltip().contains(evil) || box.title().equals(routeGroup), box.tooltip());
            }
            assertEquals(4, map.boxes("SOURCE").size(), map.boxes().toString());
            assertEquals(1, map.to(function).stream().filter(a -> a.label().startsWith("sqs")).count());
        }
    }

    /** A YAML double-quoted string. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void theSameServiceDrawsTheSameBytes() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        MapDrawing.check(SAMPLES, first, "check", "--recursive", ".");
        MapDrawing.check(SAMPLES, second, "check", "--recursive", ".");
        assertArrayEquals(Files.readAllBytes(first.resolve("slsguard.html")),
                Files.readAllBytes(second.resolve("slsguard.html")));
        Path map = Path.of("orders-service", "slsguard-map.svg");
        assertTrue(Files.isRegularFile(first.resolve(map)), "one map per service directory");
        assertArrayEquals(Files.readAllBytes(first.resolve(map)), Files.readAllBytes(second.resolve(map)));
        String svg = Files.readString(first.resolve(map));
        assertTrue(svg.contains("href=\"../slsguard.html#s"), "links lead to the run's one page");
    }

    private static MapDrawing.Arrow grant(MapDrawing map, MapDrawing.Box role, MapDrawing.Box resource) {
        List<MapDrawing.Arrow> grants = map.arrows().stream()
                .filter(a -> a.kind().equals("GRANT") && a.from().equals(role) && a.to().equals(resource)).toList();
        assertEquals(1, grants.size(), "one grant from " + role + " to " + resource + ": " + map.arrows());
        return grants.get(0);
    }

    private static List<String> labels(List<MapDrawing.Arrow> arrows) {
        return arrows.stream().map(MapDrawing.Arrow::label).toList();
    }
}

package dev.slsguard.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private MapNode load(String yaml) throws IOException {
        return (MapNode) YamlLoader.load(write("serverless.yml", yaml), "serverless.yml", Limits.DEFAULT).root();
    }

    private UserError failure(String yaml) throws IOException {
        Path file = write("serverless.yml", yaml);
        return assertThrows(UserError.class, () -> YamlLoader.load(file, "serverless.yml", Limits.DEFAULT));
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static Node at(MapNode root, String... path) {
        return root.at(path).orElseThrow(() -> new AssertionError("no value at " + String.join(".", path)));
    }

    private static void assertRef(int line, int column, String pointer, SourceRef ref) {
        assertEquals(new SourceRef("serverless.yml", line, column, pointer), ref);
    }

    @Test
    void nestedKeysAndListItemsKnowTheirLineColumnAndPointer() throws IOException {
        MapNode root = load("""
                service: orders
                functions:
                  worker:
                    handler: handler.worker
                    events:
                      - sqs:
                          arn: arn:aws:sqs:us-east-1:1:q
                          batchSize: 5
                      - stream: arn:aws:kinesis:us-east-1:1:stream/s
                """);
        MapNode worker = (MapNode) at(root, "functions", "worker");
        assertRef(3, 3, "/functions/worker", ((MapNode) at(root, "functions")).field("worker").orElseThrow().keyRef());
        assertRef(4, 5, "/functions/worker", worker.ref());
        assertRef(4, 5, "/functions/worker/handler", worker.field("handler").orElseThrow().keyRef());
        assertRef(4, 14, "/functions/worker/handler", at(worker, "handler").ref());
        ListNode events = (ListNode) at(worker, "events");
        assertRef(6, 9, "/functions/worker/events/0", events.items().get(0).ref());
        MapNode sqs = (MapNode) at((MapNode) events.items().get(0), "sqs");
        assertRef(8, 22, "/functions/worker/events/0/sqs/batchSize", at(sqs, "batchSize").ref());
        assertEquals(5L, ((ScalarNode) at(sqs, "batchSize")).value());
        assertRef(9, 17, "/functions/worker/events/1/stream",
                at((MapNode) events.items().get(1), "stream").ref());
    }

    @Test
    void pointersEscapeTildeAndSlash() throws IOException {
        MapNode root = load("""
                paths:
                  /orders/{id}: get
                  a~b: x
                """);
        assertEquals("/paths/~1orders~1{id}", at(root, "paths", "/orders/{id}").ref().pointer());
        assertEquals("/paths/a~0b", at(root, "paths", "a~b").ref().pointer());
    }

    @Test
    void everyShortTagBecomesItsLongForm() throws IOException {
        MapNode root = load("""
                ref: !Ref Queue
                getAtt: !GetAtt Queue.Arn
                getAttNested: !GetAtt Stream.Consumer.Arn
                getAttBare: !GetAtt Queue
                getAttList: !GetAtt [Queue, Arn]
                sub: !Sub 'arn:${AWS::Partition}:sqs'
                subList: !Sub
                  - 'arn:${Part}'
                  - Part: aws
                join: !Join [':', [a, b]]
                importValue: !ImportValue shared-QueueArn
                if: !If [IsProd, 1, 2]
                select: !Select [0, !GetAZs '']
                split: !Split [',', 'a,b']
                findInMap: !FindInMap [Map, Key, Value]
                base64: !Base64 text
                cidr: !Cidr [10.0.0.0/16, 2, 8]
                equals: !Equals [a, b]
                and: !And [!Condition A, !Not [!Condition B]]
                or: !Or [!Equals [a, b], !Condition C]
                condition: !Condition IsProd
                refNumber: !Ref 12
                """);
        assertEquals(json("""
                {'ref': {'Ref': 'Queue'},
                 'getAtt': {'Fn::GetAtt': ['Queue', 'Arn']},
                 'getAttNested': {'Fn::GetAtt': ['Stream', 'Consumer.Arn']},
                 'getAttBare': {'Fn::GetAtt': ['Queue', '']},
                 'getAttList': {'Fn::GetAtt': ['Queue', 'Arn']},
                 'sub': {'Fn::Sub': 'arn:${AWS::Partition}:sqs'},
                 'subList': {'Fn::Sub': ['arn:${Part}', {'Part': 'aws'}]},
                 'join': {'Fn::Join': [':', ['a', 'b']]},
                 'importValue': {'Fn::ImportValue': 'shared-QueueArn'},
                 'if': {'Fn::If': ['IsProd', 1, 2]},
                 'select': {'Fn::Select': [0, {'Fn::GetAZs': ''}]},
                 'split': {'Fn::Split': [',', 'a,b']},
                 'findInMap': {'Fn::FindInMap': ['Map', 'Key', 'Value']},
                 'base64': {'Fn::Base64': 'text'},
                 'cidr': {'Fn::Cidr': ['10.0.0.0/16', 2, 8]},
                 'equals': {'Fn::Equals': ['a', 'b']},
                 'and': {'Fn::And': [{'Condition': 'A'}, {'Fn::Not': [{'Condition': 'B'}]}]},
                 'or': {'Fn::Or': [{'Fn::Equals': ['a', 'b']}, {'Condition': 'C'}]},
                 'condition': {'Condition': 'IsProd'},
                 'refNumber': {'Ref': '12'}}
                """), Nodes.toJson(root));
    }

    @Test
    void shortTagNodesCarryTheTagsLocation() throws IOException {
        MapNode root = load("""
                Resources:
                  Arn: !GetAtt Queue.Arn
                """);
        MapNode getAtt = (MapNode) at(root, "Resources", "Arn");
        assertRef(2, 8, "/Resources/Arn", getAtt.ref());
        assertRef(2, 8, "/Resources/Arn/Fn::GetAtt", getAtt.field("Fn::GetAtt").orElseThrow().keyRef());
        ListNode parts = (ListNode) at(getAtt, "Fn::GetAtt");
        assertRef(2, 8, "/Resources/Arn/Fn::GetAtt/1", parts.items().get(1).ref());
    }

    @Test
    void aliasesExpandToCopiesAtTheirOwnPointer() throws IOException {
        MapNode root = load("""
                custom:
                  defaults: &defaults
                    batchSize: 10
                    tags: [a, b]
                  name: &name orders
                functions:
                  worker:
                    sqs: *defaults
                    label: *name
                """);
        assertEquals(json("{'batchSize': 10, 'tags': ['a', 'b']}"), Nodes.toJson(at(root, "functions", "worker", "sqs")));
        Node copied = at(root, "functions", "worker", "sqs", "batchSize");
        assertRef(3, 16, "/functions/worker/sqs/batchSize", copied.ref()); // written at line 3, lives under worker
        assertEquals("orders", ((ScalarNode) at(root, "functions", "worker", "label")).value());
        assertRef(5, 9, "/functions/worker/label", at(root, "functions", "worker", "label").ref());
    }

    @Test
    void mergeKeysTakeSingleMapsAndListsAndExplicitKeysOverride() throws IOException {
        MapNode root = load("""
                base: &base
                  memorySize: 128
                  timeout: 6
                extra: &extra
                  timeout: 30
                  runtime: nodejs18.x
                single:
                  <<: *base
                  timeout: 10
                list:
                  <<: [*base, *extra]
                  name: x
                inline:
                  name: y
                  <<: {name: z, region: eu-west-1}
                quoted:
                  "<<": not a merge
                """);
        assertEquals(json("{'memorySize': 128, 'timeout': 10}"), Nodes.toJson(at(root, "single")));
        assertEquals(json("{'memorySize': 128, 'timeout': 6, 'runtime': 'nodejs18.x', 'name': 'x'}"),
                Nodes.toJson(at(root, "list")));
        assertEquals(json("{'name': 'y', 'region': 'eu-west-1'}"), Nodes.toJson(at(root, "inline")));
        assertEquals(json("{'<<': 'not a merge'}"), Nodes.toJson(at(root, "quoted")));
        assertRef(9, 3, "/single/timeout", ((MapNode) at(root, "single")).field("timeout").orElseThrow().keyRef());
        assertRef(2, 15, "/single/memorySize", at(root, "single", "memorySize").ref());
    }

    @Test
    void mergeOfSomethingElseIsAnError() throws IOException {
        UserError error = failure("""
                a:
                  <<: just text
                """);
        assertEquals(2, error.location().line());
        assertTrue(error.getMessage().contains("merge key"), error.getMessage());
    }

    @Test
    void scalarsAreTypedLikeJsYaml() throws IOException {
        MapNode root = load("""
                yes: yes
                on: on
                y: y
                upper: True
                decimalWithZero: 012
                octal: 0o17
                hex: 0x1F
                underscore: 1_000
                float: 1.0
                exponent: 1e3
                tilde: ~
                empty:
                quoted: '12'
                doubleQuoted: "true"
                date: 2001-12-14
                timestamp: 2001-12-14t21:59:43.10-05:00
                forcedString: !!str 12
                forcedInt: !!int "7"
                infinity: .inf
                big: 123456789012345678901234567890
                negative: -42
                text: hello world
                """);
        assertEquals("yes", value(root, "yes"));
        assertEquals("on", value(root, "on"));
        assertEquals("y", value(root, "y"));
        assertEquals(Boolean.TRUE, value(root, "upper"));
        assertEquals(12L, value(root, "decimalWithZero"));
        assertEquals(15L, value(root, "octal"));
        assertEquals(31L, value(root, "hex"));
        assertEquals("1_000", value(root, "underscore"));
        assertEquals(1.0, value(root, "float"));
        assertEquals(1000.0, value(root, "exponent"));
        assertNull(value(root, "tilde"));
        assertNull(value(root, "empty"));
        assertEquals("12", value(root, "quoted"));
        assertEquals("true", value(root, "doubleQuoted"));
        assertEquals("2001-12-14T00:00:00.000Z", value(root, "date"));
        assertEquals("2001-12-15T02:59:43.100Z", value(root, "timestamp"));
        assertEquals("12", value(root, "forcedString"));
        assertEquals(7L, value(root, "forcedInt"));
        assertEquals(Double.POSITIVE_INFINITY, value(root, "infinity"));
        assertEquals(new BigInteger("123456789012345678901234567890"), value(root, "big"));
        assertEquals(-42L, value(root, "negative"));
        assertEquals("hello world", value(root, "text"));
        assertEquals("yes", root.keys().get(0));
    }

    private static Object value(MapNode root, String key) {
        return ((ScalarNode) at(root, key)).value();
    }

    @Test
    void billionLaughsFailsFastAtTheAliasLine() throws IOException {
        StringBuilder yaml = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("lol").append(level).append(": &lol").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*lol").append(level - 1);
            }
            yaml.append("]\n");
        }
        Path file = write("serverless.yml", yaml.toString());
        // a guard against expanding the billion nodes, not a timing assertion: a loaded CI machine may be slow
        UserError error = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(UserError.class, () -> YamlLoader.load(file, "serverless.yml", Limits.DEFAULT)));
        assertEquals("document expands to more than 1000000 nodes (aliases); refusing to load", error.getMessage());
        assertEquals(6, error.location().line()); // lol5 (1.1 million nodes) is the first level past the limit
        assertEquals("serverless.yml", error.location().file());
    }

    @Test
    void depthBombIsRefused() throws IOException {
        String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        UserError error = failure(yaml);
        assertEquals("the document nests deeper than 200 levels; refusing to load it", error.getMessage());
        assertEquals(1, error.location().line());
    }

    @Test
    void aliasThatWouldNestTooDeepIsRefused() throws IOException {
        Limits shallow = new Limits(Limits.DEFAULT.maxFileBytes(), 4, Limits.DEFAULT.maxNodes());
        Path file = write("serverless.yml", """
                a: &deep [[[1]]]
                b:
                  c: *deep
                """);
        UserError error = assertThrows(UserError.class, () -> YamlLoader.load(file, "serverless.yml", shallow));
        assertEquals(3, error.location().line());
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("serverless.yml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(50L * 1024 * 1024); // all NUL bytes: reading it would fail differently
        }
        UserError error = assertThrows(UserError.class, () -> YamlLoader.load(file, "serverless.yml", Limits.DEFAULT));
        assertEquals("file is 52428800 bytes; the limit is 10485760 bytes (10 MB)", error.getMessage());
        assertEquals(SourceRef.ofFile("serverless.yml"), error.location());
    }

    @Test
    void aFileLargerThanSnakeYamlsDefaultCodePointLimitLoads() throws IOException {
        Path file = dir.resolve("serverless.yml");
        String padding = "x".repeat(1000);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("service: big\ncustom:\n");
            for (int i = 0; i < 3200; i++) { // 3.2 MB, above SnakeYAML's default 3 MiB
                out.write("  k" + i + ": " + padding + "\n");
            }
        }
        MapNode root = (MapNode) YamlLoader.load(file, "serverless.yml", Limits.DEFAULT).root();
        assertEquals(3200, ((MapNode) at(root, "custom")).size());
    }

    @Test
    void malformedYamlIsAOneLineErrorAtTheParsersPosition() throws IOException {
        UserError error = failure("""
                service: a
                provider:
                  name: aws: x
                """);
        assertEquals("malformed YAML: mapping values are not allowed here", error.getMessage());
        assertEquals(3, error.location().line());
        assertEquals(12, error.location().column());
        assertEquals("serverless.yml:3:12: malformed YAML: mapping values are not allowed here", error.oneLine());
    }

    @Test
    void badIndentationNamesTheLine() throws IOException {
        UserError error = failure("""
                functions:
                  a:
                    handler: x
                 b: 1
                """);
        assertEquals(4, error.location().line());
        assertTrue(error.getMessage().startsWith("malformed YAML: "), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"));
    }

    @Test
    void aQuestionMarkInsideAFlowCollectionIsTextAsInYaml12() throws IOException {
        // js-yaml (YAML 1.2, what v3 reads with) takes these as plain text; SnakeYAML (YAML 1.1) alone would not
        String text = """
                functions:
                  f:
                    events:
                      - schedule: {rate: [cron(0 8 * * ? *), 'a ? b'], name: "x?"}  # why?
                      - sqs: {arn: q}
                """;
        assertEquals(json("{'functions': {'f': {'events': [{'schedule': {'rate': ['cron(0 8 * * ? *)', 'a ? b'], "
                + "'name': 'x?'}}, {'sqs': {'arn': 'q'}}]}}}"), Nodes.toJson(load(text)));
        MapNode root = load(text);
        Node rate = root.at("functions", "f", "events").map(n -> ((ListNode) n).items().get(0)).flatMap(
                n -> ((MapNode) n).at("schedule", "rate")).map(n -> ((ListNode) n).items().get(0)).orElseThrow();
        assertEquals(4, rate.ref().line(), "positions are those of the original text");
        assertEquals(27, rate.ref().column());
    }

    @Test
    void onlyQuestionMarksInsideFlowScalarsAreMasked() throws IOException {
        char m = FlowQuestionMarks.MASK;
        assertEquals("k: [? a : b, c " + m + " d] # e ?\nq: why?\nr: '[x ?]'\n",
                FlowQuestionMarks.mask("k: [? a : b, c ? d] # e ?\nq: why?\nr: '[x ?]'\n"));
        assertEquals(json("{'m': {'a': 'b'}, 'n': ['c ? d']}"), Nodes.toJson(load("m: {? a : b}\nn: [c ? d]\n")));
    }

    @Test
    void duplicateKeyIsRefusedAtTheSecondKey() throws IOException {
        UserError error = failure("""
                custom:
                  a: 1
                  a: 2
                """);
        assertEquals("duplicate key 'a' (first written at line 2); remove one of them", error.getMessage());
        assertEquals(3, error.location().line());
        assertEquals("/custom/a", error.location().pointer());
    }

    @Test
    void jsonLoadsAndARepeatedKeyKeepsTheLastValueAsJsonParseDoes() throws IOException {
        Path file = write("serverless.json", "{\"service\": \"x\", \"custom\": {\"a\": 1, \"b\": true, \"a\": 2.5}}");
        MapNode root = (MapNode) YamlLoader.load(file, "serverless.json", Limits.DEFAULT).root();
        assertEquals(json("{'service': 'x', 'custom': {'a': 2.5, 'b': true}}"), Nodes.toJson(root));
        assertEquals("serverless.json", root.ref().file());
    }

    @Test
    void jsonIsReadAsJsonSoTabsAndEscapedSlashesWork() throws IOException {
        Path file = write("serverless.json", "{\n\t\"service\": \"x\",\n\t\"custom\": {\n\t\t\"arn\": \"a\\/b\",\n"
                + "\t\t\"n\": 1E3\n\t}\n}\n");
        MapNode root = (MapNode) YamlLoader.load(file, "serverless.json", Limits.DEFAULT).root();
        assertEquals(json("{'service': 'x', 'custom': {'arn': 'a/b', 'n': 1000.0}}"), Nodes.toJson(root));
        assertEquals(new SourceRef("serverless.json", 4, 10, "/custom/arn"), at(root, "custom", "arn").ref());

        Path broken = write("broken.json", "{\"a\": 1,}");
        UserError error = assertThrows(UserError.class, () -> YamlLoader.load(broken, "broken.json", Limits.DEFAULT));
        assertTrue(error.getMessage().startsWith("malformed JSON: "), error.getMessage());
        assertEquals(1, error.location().line());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertEquals("file is empty", failure("").getMessage());
        assertEquals("file is empty", failure("# only a comment\n").getMessage());
        assertEquals("file is empty", failure("---\n").getMessage());
    }

    @Test
    void rootMustBeAMapping() throws IOException {
        UserError list = failure("- a\n- b\n");
        assertTrue(list.getMessage().startsWith("the top level must be a mapping"), list.getMessage());
        assertTrue(list.getMessage().endsWith("not a list"), list.getMessage());
        assertTrue(failure("just text\n").getMessage().endsWith("not a string"));
    }

    @Test
    void missingFileIsAnErrorNamedByItsDisplayName() {
        UserError error = assertThrows(UserError.class,
                () -> YamlLoader.load(dir.resolve("nope.yml"), "services/nope.yml", Limits.DEFAULT));
        assertEquals("file not found", error.getMessage());
        assertEquals(SourceRef.ofFile("services/nope.yml"), error.location());
    }

    @Test
    void unknownTagAliasAndSecondDocumentAreErrors() throws IOException {
        UserError tag = failure("a: !Reff Queue\n");
        assertTrue(tag.getMessage().startsWith("unknown tag !Reff"), tag.getMessage());
        UserError alias = failure("a: 1\nb: *nothing\n");
        assertEquals("unknown alias *nothing: no anchor &nothing is defined before it", alias.getMessage());
        assertEquals(2, alias.location().line());
        UserError documents = failure("a: 1\n---\nb: 2\n");
        assertEquals(3, documents.location().line());
    }

    @Test
    void everyRefUsesTheDisplayName() throws IOException {
        Path file = write("serverless.yml", "a:\n  b: [1, {c: !Ref X}]\n");
        MapNode root = (MapNode) YamlLoader.load(file, "svc/serverless.yml", Limits.DEFAULT).root();
        List<SourceRef> refs = new java.util.ArrayList<>();
        collect(root, refs);
        assertEquals(7, refs.size());
        assertTrue(refs.stream().allMatch(r -> r.file().equals("svc/serverless.yml")), refs.toString());
    }

    private static void collect(Node node, List<SourceRef> refs) {
        refs.add(node.ref());
        if (node instanceof MapNode map) {
            map.fields().forEach(f -> collect(f.value(), refs));
        } else if (node instanceof ListNode list) {
            list.items().forEach(i -> collect(i, refs));
        }
    }

    @Test
    void loadFragmentAcceptsAnyRoot() throws IOException {
        Path list = write("list.yml", "- a\n- 1\n");
        assertInstanceOf(ListNode.class, YamlLoader.loadFragment(list, "list.yml", Limits.DEFAULT).root());
        Path empty = write("empty.yml", "");
        assertNull(((ScalarNode) YamlLoader.loadFragment(empty, "empty.yml", Limits.DEFAULT).root()).value());
    }
}

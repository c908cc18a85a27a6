package dev.slsguard.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.SchemaViolation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.ValidationMode;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.YamlLoader;
import dev.slsguard.engine.vars.ResolvedDocument;
import dev.slsguard.engine.vars.VariableOptions;
import dev.slsguard.engine.vars.VariableResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema stage on a test schema: v3's coercion, the violations and their words, the modes. */
class SchemaStageTest {

    private static final String DIR = "dev/slsguard/engine/schema/";
    private static final SchemaCatalog CATALOG = new SchemaCatalog(Optional.of(DIR + "service.schema.json"),
            Map.of("queue", DIR + "queue.schema.json"));

    @TempDir
    Path dir;

    private SchemaStage.Result check(String events, String top) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, "service: s\n" + top + "functions:\n  f:\n    handler: h\n    events:\n" + events);
        ResolvedDocument resolved = VariableResolver.resolve(YamlLoader.load(file, "serverless.yml", Limits.DEFAULT),
                VariableOptions.none(), Limits.DEFAULT);
        return SchemaStage.check(resolved, CATALOG);
    }

    private static Node event(SchemaStage.Result result, int index) {
        MapNode item = (MapNode) ((ListNode) result.document().root().at("functions", "f", "events").orElseThrow())
                .items().get(index);
        return item.get("queue").orElseThrow();
    }

    private static List<String> messages(SchemaStage.Result result) {
        return result.violations().stream().map(v -> v.kind() + " " + v.where().line() + ":" + v.where().column()
                + " " + v.message()).toList();
    }

    @Test
    void coercesAsAjvDoesWithTheRefsOfTheSource() throws IOException {
        SchemaStage.Result result = check("""
                      - queue:
                          arn: arn:aws:sqs:us-east-1:1:q
                          batchSize: '5'
                          enabled: 'false'
                          name: 42
                          tags: solo
                """, "");
        assertEquals(List.of(), messages(result));
        MapNode options = (MapNode) event(result, 0);
        ScalarNode size = (ScalarNode) options.get("batchSize").orElseThrow();
        assertEquals(5L, size.value());
        assertEquals(8, size.ref().line());
        assertEquals(Boolean.FALSE, ((ScalarNode) options.get("enabled").orElseThrow()).value());
        assertEquals("42", ((ScalarNode) options.get("name").orElseThrow()).value());
        ListNode tags = assertInstanceOf(ListNode.class, options.get("tags").orElseThrow());
        assertEquals("solo", ((ScalarNode) tags.items().get(0)).value());
        assertEquals(11, tags.ref().line());
    }

    @Test
    void aOneElementListBecomesItsElementAndAMappingIsNeverWrapped() throws IOException {
        SchemaStage.Result result = check("""
                      - queue:
                          arn: arn:aws:sqs:us-east-1:1:q
                          batchSize: ['7']
                          patterns: {eventName: [INSERT]}
                """, "");
        MapNode options = (MapNode) event(result, 0);
        assertEquals(7L, ((ScalarNode) options.get("batchSize").orElseThrow()).value());
        assertEquals(List.of("value 9:11 queue patterns must be a list of 1 to 3 items; got a mapping"),
                messages(result));
    }

    @Test
    void violationsSayWhatIsAllowedWhereTheValueIs() throws IOException {
        SchemaStage.Result result = check("""
                      - queue:
                          arn: arn:aws:sqs:us-east-1:1:q
                          batchSize: 11
                          enabled: maybe
                          mode: fast
                          batchsize: 2
                """, "");
        assertEquals(List.of(
                "value 8:22 queue batchSize must be an integer from 1 to 10; got 11",
                "value 9:20 queue enabled must be true or false; got 'maybe'",
                "value 10:17 queue mode must be one of Fast, Slow; got 'fast' (did you mean Fast?)",
                "unknown-key 11:11 queue event has no option 'batchsize' (did you mean batchSize?); allowed: arn,"
                        + " batchSize, enabled, name, mode, tags, patterns"), messages(result));
    }

    @Test
    void ofAFailedAnyOfOnlyTheBranchTheValueWasMeantForIsReported() throws IOException {
        SchemaStage.Result result = check("""
                      - queue: my-queue
                      - queue:
                          batchSize: 2
                      - queue:
                          arn: not-an-arn
                      - queue: [a, b]
                """, "");
        assertEquals(List.of(
                "shape 6:16 queue event must be a queue ARN or a mapping with arn and options; got 'my-queue'"
                        + " (a name? give the ARN)",
                "shape 7:9 queue event needs arn: a queue ARN (arn:...)",
                "shape 10:16 queue arn must be a queue ARN (arn:...); got 'not-an-arn'",
                "shape 11:9 queue event must be a queue ARN or a mapping with arn and options; got a list of 2 items"),
                messages(result));
    }

    @Test
    void unresolvedVariablesAreNotJudged() throws IOException {
        SchemaStage.Result result = check("""
                      - queue:
                          arn: ${ssm:/queue/arn}
                          batchSize: ${ssm:/queue/size}
                """, "");
        assertEquals(List.of(), messages(result));
    }

    @Test
    void theModeSetsTheSeverityAndOffReportsNothing() throws IOException {
        String events = "      - queue:\n          arn: arn:aws:sqs:us-east-1:1:q\n          batchSize: 0\n";
        SchemaStage.Result warn = check(events, "");
        assertEquals(ValidationMode.WARN, warn.validation().mode());
        assertEquals(List.of(Severity.WARNING), warn.violations().stream().map(SchemaViolation::severity).toList());
        SchemaStage.Result error = check(events, "configValidationMode: error\n");
        assertEquals(List.of(Severity.ERROR), error.violations().stream().map(SchemaViolation::severity).toList());
        SchemaStage.Result off = check(events.replace("batchSize: 0", "batchSize: '3'"), "configValidationMode: off\n");
        assertEquals(List.of(), off.violations());
        assertEquals(ValidationMode.OFF, off.validation().mode());
        assertEquals(3L, ((ScalarNode) ((MapNode) event(off, 0)).get("batchSize").orElseThrow()).value(),
                "v3 coerces in every mode");
    }

    @Test
    void aValueTheSchemaSaysV3RefusesIsAnErrorInEveryMode() throws IOException {
        String events = "      - queue: arn:aws:sqs:us-east-1:1:q\n";
        for (String mode : List.of("", "configValidationMode: warn\n", "configValidationMode: off\n")) {
            SchemaStage.Result result = check(events, mode + "custom:\n  zone:\n    name: a\n  retries: many\n");
            List<String> expected = mode.contains("off")
                    ? List.of("ERROR custom.zone must be a string; got a mapping: the compiler stops on it")
                    : List.of("WARNING custom.retries must be an integer; got 'many'",
                            "ERROR custom.zone must be a string; got a mapping: the compiler stops on it");
            assertEquals(expected, result.violations().stream().map(v -> v.severity() + " " + v.message()).toList(),
                    mode);
            SchemaViolation zone = result.violations().get(result.violations().size() - 1);
            assertEquals(mode.isEmpty() ? 3 : 4, zone.where().line(), "at the key of the mapping");
        }
    }

    @Test
    void anAreaAnnotationNamesTheSchemaOfAServiceSetting() throws IOException {
        SchemaStage.Result result = check("      - queue: arn:aws:sqs:us-east-1:1:q\n",
                "configValidationMode: loud\ncustom:\n  retries: many\n");
        assertEquals(List.of("service configValidationMode", "queue custom.retries"),
                result.violations().stream().map(v -> v.schema() + " " + v.path()).toList());
        assertTrue(result.violations().get(1).message().startsWith("custom.retries must be an integer; got 'many'"),
                result.violations().get(1).message());
    }

    @Test
    void keysWithoutValueAreNeitherCoercedNorJudgedAsV3TakesThemOutFirst() throws IOException {
        SchemaStage.Result result = check("""
                      - queue:
                          arn: arn:aws:sqs:us-east-1:1:q
                          enabled:
                          batchSize:
                """, "");
        assertEquals(List.of(), messages(result));
        ScalarNode enabled = (ScalarNode) ((MapNode) event(result, 0)).get("enabled").orElseThrow();
        assertEquals(null, enabled.value());
    }

    @Test
    void ofTwoBranchesOfTheValuesTypeTheOneThatGotDeeperIsReported() throws IOException {
        SchemaStage.Result result = check("      - queue: arn:aws:sqs:us-east-1:1:q\n",
                "custom:\n  role:\n    statements: {Effect: Allow}\n");
        assertEquals(List.of("custom.role.statements must be a list; got a mapping"),
                result.violations().stream().map(SchemaViolation::message).toList());
    }
}

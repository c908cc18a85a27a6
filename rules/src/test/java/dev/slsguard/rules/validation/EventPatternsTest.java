package dev.slsguard.rules.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Invocation;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pattern grammar per dialect, including the event types fixtures do not compile (kafka, msk, MQ, eventBridge). */
class EventPatternsTest {

    @TempDir
    Path dir;

    /** The problems of one event, written as the YAML value of its type. */
    private List<PatternProblem> problems(String type, String yaml) throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, "event:\n" + yaml.indent(2));
        Setting options = Setting.of(YamlLoader.load(file, "serverless.yml", Limits.DEFAULT).root()).get("event");
        return EventPatterns.problems(new EventDecl("f", 0, type, 0, Invocation.POLL, options, options.ref(), true));
    }

    private static List<String> checks(List<PatternProblem> problems) {
        return problems.stream().map(PatternProblem::check).toList();
    }

    @Test
    void kafkaAndMskRecordsCarryTheirPayloadUnderValue() throws IOException {
        for (String type : List.of("kafka", "msk")) {
            List<PatternProblem> found = problems(type, """
                    filterPatterns:
                      - value: {status: [shipped]}
                        topic: [orders]
                      - body: {status: [shipped]}
                    """);
            assertEquals(List.of(PatternProblem.ROOT_KEY), checks(found), type);
            assertTrue(found.get(0).message().contains("body is where an SQS message carries its payload; a Kafka"
                    + " record carries it under value"), found.get(0).message());
            assertEquals(5, found.get(0).where().line());
        }
    }

    @Test
    void mqMessagesCarryTheirPayloadUnderData() throws IOException {
        assertEquals(List.of(), problems("activemq", "filterPatterns:\n  - data: {kind: [a]}\n    priority: [4]\n"));
        assertEquals(List.of(), problems("rabbitmq", "filterPatterns:\n  - data: {kind: [a]}\n    redelivered: [false]\n"));
        assertEquals(List.of(PatternProblem.ROOT_KEY),
                checks(problems("rabbitmq", "filterPatterns:\n  - value: {kind: [a]}\n")));
    }

    @Test
    void streamShapeComesFromTheTypeOrTheArn() throws IOException {
        assertEquals(List.of(PatternProblem.ROOT_KEY), checks(problems("stream", """
                type: dynamodb
                arn: !GetAtt Orders.StreamArn
                filterPatterns:
                  - data: {kind: [a]}
                """)));
        assertEquals(List.of(), problems("stream", """
                arn: !GetAtt Clicks.Arn
                filterPatterns:
                  - anything: [a]
                """), "neither type nor a literal ARN: the record is unknown, nothing to say");
        List<PatternProblem> image = problems("stream", """
                arn: arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/x
                filterPatterns:
                  - OldImage: {id: {S: [a]}}
                """);
        assertTrue(image.get(0).message().endsWith("OldImage is a field of the record's dynamodb object: write it"
                + " under dynamodb ({dynamodb: {OldImage: ...}})"), image.get(0).message());
    }

    @Test
    void eventBridgeChecksEnvelopeFieldsOnlyInsideOrWhereTheSchemaDoesNot() throws IOException {
        List<PatternProblem> found = problems("eventBridge", """
                pattern:
                  detailType: [x]
                  source: aws.ec2
                  $or:
                    - detail_type: [a]
                    - source: [b]
                """);
        assertEquals(List.of(PatternProblem.NOT_A_LIST, PatternProblem.ENVELOPE_KEY), checks(found));
        assertTrue(found.get(1).message().contains("detail_type is not a top-level field of EventBridge events (did"
                + " you mean detail-type?)"), found.get(1).message());
        assertEquals(List.of(), problems("eventBridge", "pattern:\n  $or: {source: [a]}\n"),
                "a top-level $or that is no list is the schema's (SLS-VAL-803)");
    }

    @Test
    void dialectsDifferInOperatorsAndNumbers() throws IOException {
        String matchers = """
                %s:
                  - body:
                      a: [{wildcard: 'x*'}]
                      b: [{cidr: 10.0.0.0/8}]
                      c: [{numeric: ['<', 3000000000]}]
                      d: [{suffix: .png}]
                """;
        assertEquals(List.of(PatternProblem.UNSUPPORTED_OPERATOR, PatternProblem.UNSUPPORTED_OPERATOR),
                checks(problems("sqs", matchers.formatted("filterPatterns"))));
        List<PatternProblem> sns = problems("sns", "filterPolicyScope: MessageBody\n" + matchers.formatted("filterPolicy")
                .replace("  - body:\n", "  body:\n"));
        assertEquals(List.of(PatternProblem.UNSUPPORTED_OPERATOR, PatternProblem.NUMERIC_LIMIT), checks(sns));
        assertTrue(sns.get(1).message().contains("outside -1000000000 to +1000000000"), sns.get(1).message());
    }

    @Test
    void unknownOperatorsSuggestTheKnownOne() throws IOException {
        List<PatternProblem> found = problems("cloudwatchEvent", "event:\n  detail:\n    x: [{anything_but: [a]}]\n");
        assertEquals(List.of(PatternProblem.UNKNOWN_OPERATOR), checks(found));
        assertTrue(found.get(0).message().startsWith("cloudwatchEvent event pattern field detail.x uses anything_but,"
                + " which is no comparison operator (did you mean anything-but?): the rule is rejected when"
                + " CloudFormation creates it"), found.get(0).message());
    }

    @Test
    void numericRangesAreALowerThenAnUpperBound() throws IOException {
        String pattern = "event:\n  detail:\n    x: [{numeric: %s}]\n";
        for (String good : List.of("['=', 5]", "['>', 0]", "['>=', 0, '<', 1.5]", "['>', -5000000000, '<=', 5000000000]")) {
            assertEquals(List.of(), problems("cloudwatchEvent", pattern.formatted(good)), good);
        }
        for (String bad : List.of("[]", "['>']", "['>', 1, '<']", "['=', 1, '<', 2]", "['<', 2, '>', 1]",
                "['>', 1, '>', 2]", "['>', 1, '<', 5, '<', 6]", "[5, '>']", "['~', 5]", "['>', '5']")) {
            assertEquals(List.of(PatternProblem.NUMERIC_FORM), checks(problems("cloudwatchEvent", pattern.formatted(bad))),
                    bad);
        }
        assertEquals(List.of(PatternProblem.NUMERIC_EMPTY_RANGE),
                checks(problems("cloudwatchEvent", pattern.formatted("['>=', 5, '<=', 5]"))));
    }

    @Test
    void cidrBlocks() {
        for (String good : List.of("10.0.0.0/24", "0.0.0.0/0", "2001:db8::/32", "::/0", "::ffff:10.0.0.0/104",
                "fe80:0:0:0:0:0:0:1/128")) {
            assertNull(EventPatterns.Cidr.problem(good), good);
        }
        for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "10.0.0/24", "10.0.0.256/8", "10.0.0.0/x",
                "2001:db8::/129", "2001::db8::/32", "1:2:3:4:5:6:7:8:9/64", "example.com/24", "10.0.0.0/8/8")) {
            assertTrue(EventPatterns.Cidr.problem(bad) != null, bad);
        }
    }

    @Test
    void variablesAndIntrinsicsAreSkipped() throws IOException {
        assertEquals(List.of(), problems("cloudwatchEvent", """
                event:
                  detail:
                    a: [{numeric: ['>', '${self:custom.min}']}]
                    b: [{exists: '${self:custom.flag}'}]
                    c: !Ref Something
                    d: [{prefix: !Ref Prefix}]
                """));
    }
}

package dev.slsguard.engine.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.UnresolvedVariable;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableResolverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path service() {
        return dir.resolve("service");
    }

    private void write(String relative, String text) throws IOException {
        Path file = service().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ResolvedDocument resolve(String yaml) throws IOException {
        return resolve(yaml, VariableOptions.none());
    }

    private ResolvedDocument resolve(String yaml, VariableOptions options) throws IOException {
        write("serverless.yml", yaml);
        SourceDocument document = YamlLoader.load(service().resolve("serverless.yml"), "serverless.yml", Limits.DEFAULT);
        return VariableResolver.resolve(document, options, Limits.DEFAULT);
    }

    private UserError failure(String yaml) throws IOException {
        return failure(yaml, VariableOptions.none());
    }

    private UserError failure(String yaml, VariableOptions options) throws IOException {
        return assertThrows(UserError.class, () -> resolve(yaml, options));
    }

    private static VariableOptions options(Map<String, String> options, Map<String, String> params,
                                           Map<String, String> env) {
        return new VariableOptions(Optional.ofNullable(options.get("stage")), Optional.ofNullable(options.get("region")),
                options, params, env);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonNode custom(ResolvedDocument resolved) {
        return Nodes.toJson(resolved.root().get("custom").orElseThrow());
    }

    private static Node at(ResolvedDocument resolved, String... path) {
        return resolved.root().at(path).orElseThrow(() -> new AssertionError("no value at " + String.join(".", path)));
    }

    @Test
    void selfFollowsPathsAndListIndices() throws IOException {
        ResolvedDocument resolved = resolve("""
                service: orders
                custom:
                  queue: {name: q, tags: [a, b]}
                  name: ${self:service}
                  second: ${self:custom.queue.tags.1}
                  whole: ${self:custom.queue}
                  quoted: ${self:'custom.queue.name'}
                """);
        assertEquals(json("""
                {'queue': {'name': 'q', 'tags': ['a', 'b']}, 'name': 'orders', 'second': 'b',
                 'whole': {'name': 'q', 'tags': ['a', 'b']}, 'quoted': 'q'}
                """), custom(resolved));
    }

    @Test
    void aWholeStringVariableKeepsTheValuesTypeAndAPartialOneMakesText() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  size: 10
                  ratio: 1.5
                  on: true
                  list: [a, b]
                  map: {k: v}
                  asNumber: ${self:custom.size}
                  asList: ${self:custom.list}
                  asMap: ${self:custom.map}
                  text: size-${self:custom.size}-${self:custom.ratio}-${self:custom.on}-${self:custom.list}
                """);
        JsonNode custom = custom(resolved);
        assertTrue(custom.get("asNumber").isInt());
        assertEquals(json("['a', 'b']"), custom.get("asList"));
        assertEquals(json("{'k': 'v'}"), custom.get("asMap"));
        assertEquals("size-10-1.5-true-a,b", custom.get("text").asText());
    }

    @Test
    void anObjectCannotBePartOfAString() throws IOException {
        UserError error = failure("""
                custom:
                  map: {k: v}
                  text: x-${self:custom.map}
                """);
        assertEquals("${self:custom.map} resolves to an object, which cannot be part of a string", error.getMessage());
        assertEquals(3, error.location().line());
    }

    @Test
    void optionsStageRegionAndAnyOption() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  stage: ${opt:stage}
                  region: ${opt:region}
                  flag: ${opt:verbose}
                """, options(Map.of("stage", "prod", "region", "eu-west-1", "verbose", "yes"), Map.of(), Map.of()));
        assertEquals(json("{'stage': 'prod', 'region': 'eu-west-1', 'flag': 'yes'}"), custom(resolved));
        assertEquals("prod", resolved.stage());
        assertEquals("eu-west-1", resolved.region());
    }

    @Test
    void missingOptionWithoutFallbackIsAnError() throws IOException {
        UserError error = failure("custom:\n  stage: ${opt:stage}\n");
        assertTrue(error.getMessage().startsWith("cannot resolve ${opt:stage}: option --stage was not given"),
                error.getMessage());
        assertEquals(new SourceRef("serverless.yml", 2, 10, "/custom/stage"), error.location());
    }

    @Test
    void slsStageComesFromTheOptionThenProviderStageThenDev() throws IOException {
        String yaml = """
                provider:
                  name: aws
                  stage: ${self:custom.defaultStage}
                custom:
                  defaultStage: qa
                  stage: ${sls:stage}
                  region: ${aws:region}
                """;
        ResolvedDocument fromOption = resolve(yaml, options(Map.of("stage", "prod"), Map.of(), Map.of()));
        assertEquals("prod", fromOption.stage());
        assertEquals("prod", custom(fromOption).get("stage").asText());

        ResolvedDocument fromProvider = resolve(yaml);
        assertEquals("qa", fromProvider.stage());
        assertEquals("qa", custom(fromProvider).get("stage").asText());
        assertEquals("us-east-1", custom(fromProvider).get("region").asText());

        ResolvedDocument defaults = resolve("custom:\n  stage: ${sls:stage}\n  region: ${aws:region}\n");
        assertEquals("dev", defaults.stage());
        assertEquals("us-east-1", defaults.region());
        assertEquals(json("{'stage': 'dev', 'region': 'us-east-1'}"), custom(defaults));
    }

    @Test
    void regionComesFromTheOptionThenProviderRegion() throws IOException {
        String yaml = "provider:\n  region: eu-central-1\ncustom:\n  region: ${aws:region}\n";
        assertEquals("eu-central-1", custom(resolve(yaml)).get("region").asText());
        assertEquals("eu-central-1", resolve(yaml).region());
        ResolvedDocument option = resolve(yaml, options(Map.of("region", "ap-south-1"), Map.of(), Map.of()));
        assertEquals("ap-south-1", custom(option).get("region").asText());
    }

    @Test
    void providerStageItselfMayHoldAVariable() throws IOException {
        ResolvedDocument resolved = resolve("""
                provider:
                  stage: ${opt:stage, 'staging'}
                custom:
                  fromSelf: ${self:provider.stage}
                  queue: orders-${sls:stage}
                """);
        assertEquals("staging", resolved.stage());
        assertEquals(json("{'fromSelf': 'staging', 'queue': 'orders-staging'}"), custom(resolved));
    }

    @Test
    void environmentVariablesAndTheirAbsence() throws IOException {
        VariableOptions env = options(Map.of(), Map.of(), Map.of("TABLE", "orders", "EMPTY", "", "REF", "${self:service}"));
        ResolvedDocument resolved = resolve("""
                service: svc
                custom:
                  table: ${env:TABLE}
                  empty: ${env:EMPTY, 'unused'}
                  nested: ${env:REF}-x
                  fallback: ${env:MISSING, 'default'}
                """, env);
        assertEquals(json("{'table': 'orders', 'empty': '', 'nested': 'svc-x', 'fallback': 'default'}"), custom(resolved));

        UserError error = failure("custom:\n  table: ${env:MISSING}\n", env);
        assertEquals("cannot resolve ${env:MISSING}: environment variable MISSING is not set; add a fallback if "
                + "that is expected: ${env:MISSING, 'default'}", error.getMessage());
        assertEquals(2, error.location().line());
    }

    @Test
    void paramsComeFromTheCommandLineThenTheStageThenDefault() throws IOException {
        String yaml = """
                params:
                  default:
                    domain: example.com
                    bucket: shared
                  prod:
                    domain: prod.example.com
                custom:
                  domain: ${param:domain}
                  bucket: ${param:bucket}
                """;
        assertEquals(json("{'domain': 'example.com', 'bucket': 'shared'}"), custom(resolve(yaml)));
        VariableOptions prod = options(Map.of("stage", "prod"), Map.of("bucket", "cli"), Map.of());
        assertEquals(json("{'domain': 'prod.example.com', 'bucket': 'cli'}"), custom(resolve(yaml, prod)));
        UserError error = failure("custom:\n  x: ${param:nope}\n");
        assertTrue(error.getMessage().startsWith("cannot resolve ${param:nope}: parameter nope is not set"),
                error.getMessage());
    }

    @Test
    void filesAreReadRelativeToTheServiceDirectory() throws IOException {
        write("config/settings.yml", """
                queue:
                  name: orders-${sls:stage}
                  arn: !GetAtt Queue.Arn
                list: [1, 2]
                """);
        write("config/settings.json", "{\"memory\": 512, \"nested\": {\"ok\": true}}");
        write("notes.txt", "plain text\n");
        ResolvedDocument resolved = resolve("""
                custom:
                  name: ${file(./config/settings.yml):queue.name}
                  queue: ${file(config/settings.yml):queue}
                  list: ${file(./config/settings.yml):list}
                  json: ${file(./config/settings.json)}
                  memory: ${file('./config/settings.json'):memory}
                  text: ${file(./notes.txt)}
                  missing: ${file(./config/none.yml):x, 'fallback'}
                """);
        assertEquals(json("""
                {'name': 'orders-dev', 'queue': {'name': 'orders-dev', 'arn': {'Fn::GetAtt': ['Queue', 'Arn']}},
                 'list': [1, 2], 'json': {'memory': 512, 'nested': {'ok': true}}, 'memory': 512,
                 'text': 'plain text\\n', 'missing': 'fallback'}
                """), custom(resolved));
        // included values keep their own file and position, take the pointer of their place in the
        // configuration and name the include they came through
        SourceRef name = at(resolved, "custom", "queue", "name").ref();
        assertEquals(new SourceRef("config/settings.yml", 2, 9, "/custom/queue/name", List.of(new RelatedLocation(
                new SourceRef("serverless.yml", 3, 10, "/custom/queue"),
                "included from serverless.yml by ${file(config/settings.yml):queue}"))), name);
        assertEquals(new SourceRef("config/settings.json", 1, 12, "/custom/json/memory"),
                at(resolved, "custom", "json", "memory").ref().withoutThrough());
        // a key of an included mapping too
        MapNode.Field key = ((MapNode) at(resolved, "custom", "json")).field("nested").orElseThrow();
        assertEquals("config/settings.json:1:17", key.keyRef().toString());
        assertEquals("/custom/json/nested", key.keyRef().pointer());
        // plain text is located at the variable
        assertEquals(new SourceRef("serverless.yml", 7, 9, "/custom/text"), at(resolved, "custom", "text").ref());
        // the files read, in order
        assertEquals(List.of("config/settings.yml", "config/settings.json"),
                resolved.included().stream().map(SourceDocument::displayName).toList());
    }

    @Test
    void nestedIncludesListTheChainInnermostFirst() throws IOException {
        // paths are relative to the service directory, also in an included file (as in v3)
        write("config/role.yml", """
                statements: ${file(./config/statements.yml)}
                """);
        write("config/statements.yml", """
                - Effect: Allow
                  Action: s3:GetObject
                """);
        ResolvedDocument resolved = resolve("""
                provider:
                  iam:
                    role: ${file(./config/role.yml)}
                """);
        SourceRef action = at(resolved, "provider", "iam", "role", "statements").ref();
        assertEquals("config/statements.yml:1:1", action.toString());
        assertEquals("/provider/iam/role/statements", action.pointer());
        assertEquals(List.of("included from config/role.yml by ${file(./config/statements.yml)} (config/role.yml:1:13)",
                        "included from serverless.yml by ${file(./config/role.yml)} (serverless.yml:3:11)"),
                action.through().stream().map(r -> r.label() + " (" + r.ref() + ")").toList());
        Node effect = ((MapNode) ((ListNode) at(resolved, "provider", "iam", "role", "statements")).items().get(0))
                .get("Effect").orElseThrow();
        assertEquals("/provider/iam/role/statements/0/Effect", effect.ref().pointer());
        assertEquals(2, effect.ref().through().size());
    }

    @Test
    void documentOrderFollowsTheOutermostReferenceFirst() throws IOException {
        write("functions.yml", """
                a:
                  handler: a.handler
                b:
                  handler: b.handler
                """);
        ResolvedDocument resolved = resolve("""
                custom:
                  early: 1
                functions: ${file(./functions.yml)}
                late: ${self:custom.early}
                """);
        SourceRef a = at(resolved, "functions", "a").ref();
        SourceRef b = at(resolved, "functions", "b").ref();
        SourceRef late = at(resolved, "late").ref();
        SourceRef early = at(resolved, "custom", "early").ref();
        // a and b are on lines 2 and 4 of functions.yml, which comes in at line 3; late's value is written on line 2
        assertTrue(a.before(b));
        assertTrue(b.before(late));
        assertTrue(early.before(a));
        assertEquals("serverless.yml:2:10", late.toString());
        assertTrue(early.before(late)); // used on line 4: its place in the configuration counts first
    }

    @Test
    void aMissingFileWithoutFallbackIsAnError() throws IOException {
        UserError error = failure("custom:\n  x: ${file(./nope.yml):a}\n");
        assertTrue(error.getMessage().startsWith("cannot resolve ${file(./nope.yml):a}: file ./nope.yml does not exist"),
                error.getMessage());
    }

    @Test
    void aFileOutsideTheServiceDirectoryIsRefused() throws IOException {
        UserError error = failure("""
                service: x
                custom:
                  secret: ${file(../../etc/passwd)}
                """);
        assertEquals("${file(../../etc/passwd)} points outside the service directory; slsguard reads only files "
                + "inside it", error.getMessage());
        assertEquals(3, error.location().line());
        assertEquals("serverless.yml", error.location().file());
    }

    @Test
    void aSymlinkLeadingOutOfTheServiceDirectoryIsRefused() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.yml"), "secret: 1\n");
        Files.createDirectories(service());
        try {
            Files.createSymbolicLink(service().resolve("link.yml"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not available here");
        }
        UserError error = failure("custom:\n  x: ${file(./link.yml):secret}\n");
        assertTrue(error.getMessage().endsWith("points outside the service directory; slsguard reads only files inside it"),
                error.getMessage());
    }

    @Test
    void fallbacksLiteralsAndSourceChains() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  single: ${opt:stage, 'dev'}
                  double: ${opt:stage, "d\\"q"}
                  number: ${opt:size, 42}
                  decimal: ${opt:size, 1.5}
                  bool: ${opt:flag, true}
                  none: ${opt:flag, null}
                  chain: ${self:custom.nope, env:NOPE, opt:nope, 'last'}
                  nested: ${self:custom.nope, ${self:custom.single}}
                """);
        JsonNode custom = custom(resolved);
        assertEquals("d\"q", custom.get("double").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) custom).remove("double");
        assertEquals(json("""
                {'single': 'dev', 'number': 42, 'decimal': 1.5, 'bool': true, 'none': null,
                 'chain': 'last', 'nested': 'dev'}
                """), custom);
    }

    @Test
    void anUnquotedWordIsNotAFallback() throws IOException {
        UserError error = failure("custom:\n  x: ${self:custom.zz, dev}\n");
        assertEquals("invalid variable syntax: invalid fallback dev in ${self:custom.zz, dev}; write text fallbacks "
                + "in quotes: 'dev'", error.getMessage());
    }

    @Test
    void variablesNestInAddresses() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  sizes:
                    dev: 128
                    prod: 1024
                  size: ${self:custom.sizes.${sls:stage}}
                  table: ${self:custom.names.${opt:stage, 'dev'}, 'none'}
                """);
        assertEquals(128, custom(resolved).get("size").asInt());
        assertEquals("none", custom(resolved).get("table").asText());
    }

    @Test
    void variablesInKeysResolveUnlessAskedToKeepThem() throws IOException {
        String yaml = """
                resources:
                  Resources:
                    Queue${sls:stage}:
                      Type: AWS::SQS::Queue
                custom:
                  ${self:custom.keyName}: value
                  keyName: dynamic
                """;
        ResolvedDocument resolved = resolve(yaml);
        assertEquals(List.of("Queuedev"), ((MapNode) at(resolved, "resources", "Resources")).keys());
        assertEquals(json("{'dynamic': 'value', 'keyName': 'dynamic'}"), custom(resolved));

        SourceDocument document = YamlLoader.load(service().resolve("serverless.yml"), "serverless.yml", Limits.DEFAULT);
        ResolvedDocument asV3 = VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT, false);
        assertEquals(List.of("Queue${sls:stage}"), ((MapNode) at(asV3, "resources", "Resources")).keys());
    }

    @Test
    void aCycleIsReportedWithItsChainAtTheFirstVariable() throws IOException {
        UserError error = failure("""
                custom:
                  a: ${self:custom.b}
                  b: ${self:custom.c}
                  c: ${self:custom.a}
                """);
        assertEquals("variable cycle: ${self:custom.b} -> ${self:custom.c} -> ${self:custom.a} -> ${self:custom.b}",
                error.getMessage());
        assertEquals(new SourceRef("serverless.yml", 2, 6, "/custom/a"), error.location());

        UserError self = failure("custom:\n  a: prefix-${self:custom.a}\n");
        assertEquals("variable cycle: ${self:custom.a} -> ${self:custom.a}", self.getMessage());
    }

    @Test
    void aValueMayReferToItsSiblingsInsideAReferencedMap() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  base:
                    name: orders
                    arn: arn:aws:sqs:us-east-1:1:${self:custom.base.name}
                  copy: ${self:custom.base}
                """);
        assertEquals(json("{'name': 'orders', 'arn': 'arn:aws:sqs:us-east-1:1:orders'}"), custom(resolved).get("copy"));
    }

    @Test
    void anUnknownSourceIsAnErrorAtItsLine() throws IOException {
        UserError error = failure("service: x\ncustom:\n  a: ${foo:bar}\n");
        assertTrue(error.getMessage().startsWith("unknown variable source 'foo' in ${foo:bar}"), error.getMessage());
        assertEquals(3, error.location().line());
    }

    @Test
    void valuesThatCannotBeKnownOfflineStayAsPlaceholders() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  queueArn: ${ssm:/orders/queue-arn}
                  output: ${cf:network-${sls:stage}.VpcId}
                  regional: ${cf(eu-west-1):shared.TopicArn}
                  object: ${s3:my-bucket/config.json}
                  account: ${aws:accountId}
                  withFallback: ${ssm:/orders/table, 'orders'}
                  inText: arn:aws:sqs:us-east-1:${aws:accountId}:orders-${sls:stage}
                """);
        JsonNode custom = custom(resolved);
        assertEquals("${ssm:/orders/queue-arn}", custom.get("queueArn").asText());
        assertEquals("${cf:network-${sls:stage}.VpcId}", custom.get("output").asText());
        assertEquals("${cf(eu-west-1):shared.TopicArn}", custom.get("regional").asText());
        assertEquals("${s3:my-bucket/config.json}", custom.get("object").asText());
        assertEquals("${aws:accountId}", custom.get("account").asText());
        assertEquals("${ssm:/orders/table, 'orders'}", custom.get("withFallback").asText());
        assertEquals("arn:aws:sqs:us-east-1:${aws:accountId}:orders-dev", custom.get("inText").asText());
        assertEquals(List.of(
                new UnresolvedVariable("${ssm:/orders/queue-arn}", "ssm", ref(2, 13, "/custom/queueArn")),
                new UnresolvedVariable("${cf:network-${sls:stage}.VpcId}", "cf", ref(3, 11, "/custom/output")),
                new UnresolvedVariable("${cf(eu-west-1):shared.TopicArn}", "cf", ref(4, 13, "/custom/regional")),
                new UnresolvedVariable("${s3:my-bucket/config.json}", "s3", ref(5, 11, "/custom/object")),
                new UnresolvedVariable("${aws:accountId}", "aws", ref(6, 12, "/custom/account")),
                new UnresolvedVariable("${ssm:/orders/table, 'orders'}", "ssm", ref(7, 17, "/custom/withFallback")),
                new UnresolvedVariable("${aws:accountId}", "aws", ref(8, 11, "/custom/inText"))),
                resolved.unresolved());
    }

    @Test
    void aPlaceholderInAnIncludedFileIsListedWhereTheConfigurationUsesIt() throws IOException {
        write("functions.yml", """
                worker:
                  handler: handler.worker
                  events:
                    - sqs: ${ssm:/orders/queue-arn}
                """);
        ResolvedDocument resolved = resolve("""
                service: orders
                functions: ${file(./functions.yml)}
                """);
        UnresolvedVariable placeholder = resolved.unresolved().get(0);
        assertEquals(1, resolved.unresolved().size());
        assertEquals("functions.yml:4:12", placeholder.ref().toString());
        assertEquals("/functions/worker/events/0/sqs", placeholder.ref().pointer());
        assertEquals(List.of("included from serverless.yml by ${file(./functions.yml)}"),
                placeholder.ref().through().stream().map(RelatedLocation::label).toList());
    }

    @Test
    void dashboardOutputsAndTheInstanceIdAreOfflineToo() throws IOException {
        ResolvedDocument resolved = resolve("custom:\n  a: ${output:shared.arn}\n  b: ${sls:instanceId}\n");
        assertEquals(json("{'a': '${output:shared.arn}', 'b': '${sls:instanceId}'}"), custom(resolved));
        assertEquals(List.of("output", "sls"), resolved.unresolved().stream().map(UnresolvedVariable::source).toList());
    }

    @Test
    void aVariableWhoseAddressNeedsAnOfflineValueStaysAPlaceholderToo() throws IOException {
        ResolvedDocument resolved = resolve("custom:\n  x: ${self:custom.${ssm:/key}}\n");
        assertEquals("${self:custom.${ssm:/key}}", custom(resolved).get("x").asText());
        assertEquals(List.of(new UnresolvedVariable("${ssm:/key}", "ssm", ref(2, 6, "/custom/x"))), resolved.unresolved());
    }

    private static SourceRef ref(int line, int column, String pointer) {
        return new SourceRef("serverless.yml", line, column, pointer);
    }

    @Test
    void resolvedNodesKeepTheLocationOfTheTextTheyReplaced() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  defaults:
                    batchSize: 5
                functions:
                  worker:
                    events:
                      - sqs: ${self:custom.defaults}
                """);
        ListNode events = (ListNode) at(resolved, "functions", "worker", "events");
        Node batchSize = ((MapNode) events.items().get(0)).at("sqs", "batchSize").orElseThrow();
        // the value is located where it is written, placed where it is used, reached through the reference
        assertEquals(new SourceRef("serverless.yml", 3, 16, "/functions/worker/events/0/sqs/batchSize",
                List.of(new RelatedLocation(ref(7, 14, "/functions/worker/events/0/sqs"),
                        "used in serverless.yml through ${self:custom.defaults}"))), batchSize.ref());
        assertEquals(5L, ((ScalarNode) batchSize).value());
        // a value made at the reference (an option, a composed string) is located there
        ResolvedDocument composed = resolve("""
                custom:
                  bucket: media
                functions:
                  worker:
                    environment:
                      OBJECTS: arn:aws:s3:::${self:custom.bucket}/*
                      STAGE: ${sls:stage}
                """);
        assertEquals(ref(6, 16, "/functions/worker/environment/OBJECTS"),
                at(composed, "functions", "worker", "environment", "OBJECTS").ref());
        assertEquals(ref(7, 14, "/functions/worker/environment/STAGE"),
                at(composed, "functions", "worker", "environment", "STAGE").ref());
        // values without variables are the loaded nodes themselves
        assertEquals(ref(3, 16, "/custom/defaults/batchSize"), at(resolved, "custom", "defaults", "batchSize").ref());
    }

    @Test
    void aDocumentWithoutVariablesIsReturnedAsLoaded() throws IOException {
        write("serverless.yml", "service: x\nprovider:\n  name: aws\n");
        SourceDocument document = YamlLoader.load(service().resolve("serverless.yml"), "serverless.yml", Limits.DEFAULT);
        assertSame(document.root(), VariableResolver.resolve(document, VariableOptions.none(), Limits.DEFAULT).root());
    }

    @Test
    void escapedVariablesAndCloudFormationSubstitutionsStayText() throws IOException {
        ResolvedDocument resolved = resolve("""
                custom:
                  escaped: \\${self:service}
                  backslash: \\\\${self:custom.word}
                  sub: arn:${AWS::Partition}:s3:::${BucketName}/${ self:x }
                  word: w
                """);
        assertEquals(json("{'escaped': '${self:service}', 'backslash': '\\\\w', "
                        + "'sub': 'arn:${AWS::Partition}:s3:::${BucketName}/${ self:x }', 'word': 'w'}"),
                custom(resolved));
    }

    @Test
    void anUnterminatedVariableIsASyntaxError() throws IOException {
        UserError error = failure("custom:\n  x: ${self:custom.y\n");
        assertTrue(error.getMessage().startsWith("invalid variable syntax: unterminated variable ${self:custom.y"),
                error.getMessage());
    }

    @Test
    void strToBoolReadsTrueFalseOneAndZero() throws IOException {
        ResolvedDocument resolved = resolve("custom:\n  a: ${strToBool(true)}\n  b: ${strToBool(0)}\n");
        assertEquals(json("{'a': true, 'b': false}"), custom(resolved));
    }

    @Test
    void selfReferencesThatMultiplyTheDocumentAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("custom:\n  l0: [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("  l").append(level).append(": [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append("'${self:custom.l").append(level - 1).append("}'");
            }
            yaml.append("]\n");
        }
        UserError error = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> failure(yaml.toString()));
        assertEquals("variables expand the configuration to more than 1000000 nodes; refusing to resolve",
                error.getMessage());
    }

    @Test
    void aVeryLongChainOfReferencesIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("custom:\n");
        for (int i = 0; i < 80; i++) {
            yaml.append("  v").append(i).append(": ${self:custom.v").append(i + 1).append("}\n");
        }
        yaml.append("  v80: end\n");
        UserError error = failure(yaml.toString());
        assertTrue(error.getMessage().startsWith("variables nest more than 64 levels deep"), error.getMessage());
    }

    @Test
    void aFallbackChainThousandsDeepIsALocatedErrorNotAStackOverflow() throws IOException {
        String chain = "'end'";
        for (int i = 0; i < 3000; i++) {
            chain = "${env:V" + i + ", " + chain + "}";
        }
        String yaml = "service: deep\nprovider:\n  name: aws\ncustom:\n  x: \"" + chain + "\"\n";
        UserError error = assertThrows(UserError.class, () -> resolve(yaml));
        assertEquals(5, error.location().line());
        assertTrue(error.getMessage().startsWith("invalid variable syntax: variables are nested more than 64 deep"),
                error.getMessage());
    }

    @Test
    void aHundredThousandReferencesResolveInLinearTime() throws IOException {
        StringBuilder yaml = new StringBuilder("service: many\nprovider:\n  name: aws\ncustom:\n  base: v\n  refs:\n");
        for (int i = 0; i < 100_000; i++) {
            yaml.append("    - ${self:custom.base}-").append(i).append('\n');
        }
        ResolvedDocument resolved = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> resolve(yaml.toString()));
        ListNode refs = (ListNode) at(resolved, "custom", "refs");
        assertEquals(100_000, refs.items().size());
        assertEquals("v-99999", ((ScalarNode) refs.items().get(99_999)).value());
    }
}

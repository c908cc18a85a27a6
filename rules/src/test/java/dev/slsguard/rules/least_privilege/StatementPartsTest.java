package dev.slsguard.rules.least_privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.core.DeclaredStatements;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the parts of a statement are written, and what its Action entries are. */
class StatementPartsTest {

    private static final String YAML = """
            service: demo
            provider:
              name: aws
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action:
                        - s3:GetObject
                        - s3:PutObject
                      Resource:
                        - arn:aws:s3:::uploads/*
                        - !Sub arn:${AWS::Partition}:s3:::${Bucket}/*
                      Condition:
                        StringEquals:
                          aws:PrincipalOrgID: o-123
                    - Effect: Allow
                      Action: sqs:SendMessage
                      Resource: '*'
            """;

    @TempDir
    Path dir;

    @Test
    void findsEntriesAndKeys() throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, YAML);
        MapNode config = (MapNode) YamlLoader.load(file, "serverless.yml", Limits.DEFAULT).root();
        List<IamStatement> statements = DeclaredStatements.read(
                config.at("provider", "iam", "role", "statements").orElseThrow(), "provider.iam.role.statements");
        List<StatementPart> first = StatementParts.of(statements.get(0), config);
        List<StatementPart> second = StatementParts.of(statements.get(1), config);

        assertEquals(9, action(first, 0).where().line());
        assertEquals(15, action(first, 1).where().column());
        assertEquals(10, parts(first, ActionEntry.class).stream().filter(e -> e.text().equalsIgnoreCase("S3:PutObject"))
                .findFirst().orElseThrow().where().line());
        assertEquals(12, resource(first, 0).where().line());
        assertEquals(13, resource(first, 1).where().line());
        assertEquals(CfnValue.of(JsonNodeFactory.instance.textNode("arn:aws:s3:::uploads/*")), resource(first, 0).value());
        SourceRef condition = key(first, "Condition").where();
        assertEquals(14, condition.line());
        assertEquals(11, condition.column());
        assertEquals(8, key(first, "Action").where().line());
        ConditionEntry orgId = StatementParts.conditions(statements.get(0), config).get(0);
        assertEquals("StringEquals", orgId.operator());
        assertEquals("aws:PrincipalOrgID", orgId.key());
        assertEquals(16, orgId.where().line());

        assertEquals(18, action(second, 0).where().line());
        assertEquals(19, action(second, 0).where().column());
        assertEquals(19, resource(second, 0).where().line());
        assertEquals(21, resource(second, 0).where().column());
        assertEquals(List.of(), StatementParts.conditions(statements.get(1), config));
    }

    @Test
    void fallsBackToTheStatement() throws IOException {
        Path file = dir.resolve("serverless.yml");
        Files.writeString(file, YAML);
        MapNode config = (MapNode) YamlLoader.load(file, "serverless.yml", Limits.DEFAULT).root();
        IamStatement first = DeclaredStatements.read(
                config.at("provider", "iam", "role", "statements").orElseThrow(), "x").get(0);
        IamStatement elsewhere = new IamStatement(first.role(), first.effect(), first.actions(), first.resources(),
                first.document(), "managed", "x", first.function(), first.ref().withPointer("/nowhere/0"), "k");
        List<StatementPart> parts = StatementParts.of(elsewhere, config);
        assertEquals(elsewhere.ref(), action(parts, 0).where());
        assertEquals(elsewhere.ref(), resource(parts, 1).where());
        assertEquals(elsewhere.ref(), key(parts, "Condition").where());
        assertEquals(elsewhere.ref(), StatementParts.conditions(elsewhere, config).get(0).where());
        assertEquals(List.of("Effect", "Action", "Resource", "Condition"),
                parts(StatementParts.of(first, config), StatementKey.class).stream().map(StatementKey::name).toList());
    }

    @Test
    void entriesAreTrimmedAndRepeatsMarked() {
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("Effect", "Allow");
        document.putArray("Action").add(" s3:* ").add("s3:*").add("").add("*");
        IamStatement statement = new IamStatement("Role", "Allow", List.of(" s3:* ", "s3:*", "", "*"), List.of(),
                document, "declared", "x", Optional.empty(), new SourceRef("serverless.yml", 3, 5, "/x"), "1");
        List<ActionEntry> entries = parts(StatementParts.of(statement, new MapNode(statement.ref(), List.of())),
                ActionEntry.class);
        assertEquals(List.of("s3:*", "s3:*", "*"), entries.stream().map(ActionEntry::text).toList());
        assertEquals(List.of(false, true, false), entries.stream().map(ActionEntry::duplicate).toList());
        assertEquals(List.of(0, 1, 3), entries.stream().map(ActionEntry::index).toList());
        assertEquals(List.of(true, true, false), entries.stream().map(ActionEntry::serviceWildcard).toList());
        assertEquals(List.of(false, false, true), entries.stream().map(ActionEntry::star).toList());
    }

    private static <P extends StatementPart> List<P> parts(List<StatementPart> parts, Class<P> type) {
        return parts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static ActionEntry action(List<StatementPart> parts, int index) {
        return parts(parts, ActionEntry.class).stream().filter(e -> e.index() == index).findFirst().orElseThrow();
    }

    private static ResourceEntry resource(List<StatementPart> parts, int index) {
        return parts(parts, ResourceEntry.class).stream().filter(e -> e.index() == index).findFirst().orElseThrow();
    }

    private static StatementKey key(List<StatementPart> parts, String name) {
        return parts(parts, StatementKey.class).stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }
}

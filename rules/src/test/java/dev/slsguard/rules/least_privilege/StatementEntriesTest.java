package dev.slsguard.rules.least_privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.compilers.core.DeclaredStatements;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementEntriesTest {

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
        IamStatement first = statements.get(0);
        IamStatement second = statements.get(1);

        assertEquals(9, StatementEntries.action(first, config, 0).line());
        assertEquals(15, StatementEntries.action(first, config, 1).column());
        assertEquals(10, StatementEntries.action(first, config, "S3:PutObject").line());
        assertEquals(12, StatementEntries.resource(first, config, 0).line());
        assertEquals(13, StatementEntries.resource(first, config, 1).line());
        assertEquals(12, StatementEntries.resource(first, config, "arn:aws:s3:::uploads/*").line());
        SourceRef condition = StatementEntries.key(first, config, StatementEntries.CONDITION);
        assertEquals(14, condition.line());
        assertEquals(11, condition.column());
        assertEquals(8, StatementEntries.key(first, config, StatementEntries.ACTION).line());

        assertEquals(18, StatementEntries.action(second, config, 0).line());
        assertEquals(19, StatementEntries.action(second, config, 0).column());
        assertEquals(19, StatementEntries.resource(second, config, 0).line());
        assertEquals(21, StatementEntries.resource(second, config, 0).column());
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
        assertEquals(elsewhere.ref(), StatementEntries.action(elsewhere, config, 0));
        assertEquals(first.ref(), StatementEntries.key(first, config, StatementEntries.PRINCIPAL));
    }
}

package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.IamStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-function {@code iamRoleStatements} and IAM roles / policies under {@code resources:} become
 * analysis facts with their origin and the user's statement as ref; none of them reaches the
 * inline policy of the execution role. (Managed policy expansion: ManagedPoliciesTest and the cli
 * tests.)
 */
class AnalysedStatementsTest {

    private static final String SERVICE = """
            service: facts
            provider:
              name: aws
              runtime: nodejs18.x
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::b/*
            functions:
              my-fn:
                handler: h.a
                iamRoleStatements:
                  - Effect: Allow
                    Action: [sqs:SendMessage]
                    Resource: arn:aws:sqs:us-east-1:123456789012:q
            resources:
              Resources:
                Custom:
                  Type: AWS::IAM::Role
                  Properties:
                    AssumeRolePolicyDocument: {}
                    Policies:
                      - PolicyName: p
                        PolicyDocument:
                          Statement:
                            Effect: Allow
                            Action: sns:Publish
                            Resource: '*'
                Attached:
                  Type: AWS::IAM::ManagedPolicy
                  Properties:
                    Roles: [!Ref IamRoleLambdaExecution, !Ref Custom]
                    PolicyDocument:
                      Statement:
                        - Effect: Deny
                          Action: s3:DeleteObject
                          Resource: '*'
            """;

    @TempDir
    Path dir;

    @Test
    void statementsOfOtherRolesAndResourcesAreFactsWithTheirOrigin() {
        Compilation compilation = new ServerlessCompiler().compile(LoadedDocuments.resolved(dir, SERVICE));
        List<IamStatement> statements = compilation.facts().stream().filter(IamStatement.class::isInstance)
                .map(IamStatement.class::cast).toList();

        IamStatement own = one(statements, "functions.my-fn.iamRoleStatements");
        assertEquals("MyDashfnIamRoleLambdaExecution", own.role());
        assertEquals(IamStatement.DECLARED, own.origin());
        assertEquals(Optional.of("my-fn"), own.function());
        assertEquals("/functions/my-fn/iamRoleStatements/0", own.ref().pointer());
        assertEquals(List.of("sqs:SendMessage"), own.actions());

        IamStatement inline = one(statements, "resources.Resources.Custom.Policies");
        assertEquals("Custom", inline.role());
        assertEquals(IamStatement.RESOURCE, inline.origin());
        assertEquals("/resources/Resources/Custom/Properties/Policies/0/PolicyDocument/Statement", inline.ref().pointer());

        List<IamStatement> attached = statements.stream()
                .filter(s -> s.source().equals("resources.Resources.Attached.PolicyDocument")).toList();
        assertEquals(List.of("IamRoleLambdaExecution", "Custom"), attached.stream().map(IamStatement::role).toList());
        assertTrue(attached.stream().allMatch(s -> s.effect().equals("Deny") && !s.inline()));

        // the execution role's inline policy is exactly what v3 writes: logs + the declared statement
        JsonNode template = TemplateMerger.merge(compilation.draft(), statements);
        JsonNode written = template.path("Resources").path("IamRoleLambdaExecution").path("Properties")
                .path("Policies").path(0).path("PolicyDocument").path("Statement");
        assertEquals(3, written.size(), written.toString());
        assertFalse(written.toString().contains("sqs:SendMessage") || written.toString().contains("s3:DeleteObject"));
    }

    private static IamStatement one(List<IamStatement> statements, String source) {
        List<IamStatement> of = statements.stream().filter(s -> s.source().equals(source)).toList();
        assertEquals(1, of.size(), of.toString());
        return of.get(0);
    }
}

package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.EffectivePermissions;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.PermissionGrant;
import dev.slsguard.engine.vars.VariableOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement a function can use, with its origin: derived, core, declared, per-function,
 * managed policies expanded, roles and policies under {@code resources:}; and none of the analysis
 * facts changes the template.
 */
class EffectivePermissionsTest {

    private static final String SERVICE = """
            service: perms
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs18.x
              iam:
                role:
                  managedPolicies:
                    - arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess
                    - arn:aws:iam::123456789012:policy/unknown-customer-policy
                  statements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::reports/*
            functions:
              worker:
                handler: h.worker
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
              own:
                handler: h.own
                iamRoleStatementsInherit: true
                iamRoleStatements:
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: arn:aws:sqs:us-east-1:123456789012:done
              custom:
                handler: h.custom
                role: CustomRole
            resources:
              Resources:
                CustomRole:
                  Type: AWS::IAM::Role
                  Properties:
                    AssumeRolePolicyDocument:
                      Statement:
                        - Effect: Allow
                          Principal: {Service: lambda.amazonaws.com}
                          Action: sts:AssumeRole
                    Policies:
                      - PolicyName: table
                        PolicyDocument:
                          Statement:
                            - Effect: Allow
                              Action: dynamodb:GetItem
                              Resource: arn:aws:dynamodb:us-east-1:123456789012:table/t
                    ManagedPolicyArns:
                      - Fn::Sub: arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                Extra:
                  Type: AWS::IAM::Policy
                  Properties:
                    PolicyName: extra
                    Roles: [{Ref: CustomRole}]
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: sns:Publish
                          Resource: arn:aws:sns:us-east-1:123456789012:out
            """;

    @TempDir
    Path dir;

    @Test
    void eachFunctionGetsEveryStatementItsRoleGrantsWithItsOrigin() throws IOException {
        Analysis analysis = analyse();
        List<PermissionGrant> worker = grants(analysis, "worker");
        assertTrue(worker.stream().allMatch(g -> g.role().equals("IamRoleLambdaExecution")));
        assertEquals(List.of("core", "core", "declared", "derived", "managed"),
                worker.stream().map(g -> g.statement().origin()).sorted().toList().subList(0, 5));
        PermissionGrant derived = only(worker, IamStatement.DERIVED);
        assertEquals(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                derived.statement().actions());
        assertEquals("derived by SLS-DRV-007 from /functions/worker/events/0/sqs (serverless.yml:19:14)", derived.origin());
        PermissionGrant declared = only(worker, IamStatement.DECLARED);
        assertEquals("declared in provider.iam.role.statements at serverless.yml:12:11", declared.origin());
        List<PermissionGrant> managed = worker.stream()
                .filter(g -> g.statement().origin().equals(IamStatement.MANAGED)).toList();
        assertTrue(managed.stream().anyMatch(g -> g.statement().actions().contains("sqs:ListQueues")), managed.toString());
        assertTrue(managed.stream().allMatch(g -> g.origin()
                .equals("AWS managed policy AmazonSQSReadOnlyAccess attached at serverless.yml:9:11")), managed.toString());

        List<PermissionGrant> own = grants(analysis, "own");
        assertTrue(own.stream().allMatch(g -> g.role().equals("OwnIamRoleLambdaExecution")), own.toString());
        assertTrue(own.stream().anyMatch(g -> g.statement().actions().equals(List.of("sqs:SendMessage"))
                && g.origin().equals("declared in functions.own.iamRoleStatements at serverless.yml:24:9")));
        // iamRoleStatementsInherit: the provider's declared statement and managed policy too; not worker's sqs grant
        assertTrue(own.stream().anyMatch(g -> g.statement().source().equals("provider.iam.role.statements")));
        assertTrue(own.stream().anyMatch(g -> g.statement().origin().equals(IamStatement.MANAGED)));
        assertTrue(own.stream().noneMatch(g -> g.statement().origin().equals(IamStatement.DERIVED)), own.toString());

        List<PermissionGrant> custom = grants(analysis, "custom");
        assertEquals(List.of("dynamodb:GetItem", "sns:Publish"), custom.stream()
                .filter(g -> g.statement().origin().equals(IamStatement.RESOURCE))
                .flatMap(g -> g.statement().actions().stream()).sorted().toList());
        assertTrue(custom.stream().allMatch(g -> g.role().equals("CustomRole")));
        assertTrue(custom.stream().anyMatch(g -> g.statement().source()
                .equals("managed-policy:service-role/AWSLambdaBasicExecutionRole")
                && g.statement().ref().line() == 48), custom.toString());
        assertTrue(custom.stream().anyMatch(g -> g.origin()
                .equals("written in resources.Resources.CustomRole.Policies at serverless.yml:44:19")), custom.toString());
    }

    @Test
    void theRoleOfEachFunctionInOnePassIsTheRoleOfEachOneByOne() throws IOException {
        Analysis analysis = analyse();
        java.util.Map<String, String> each = EffectivePermissions.roleOfEach(analysis.functions(), analysis.statements());
        assertEquals(java.util.Map.of("worker", "IamRoleLambdaExecution", "own", "OwnIamRoleLambdaExecution",
                "custom", "CustomRole"), each);
        for (Function function : analysis.functions()) {
            assertEquals(EffectivePermissions.roleOf(function, analysis.statements()), each.get(function.key()));
        }
    }

    @Test
    void analysisFactsStayOutOfTheTemplate() throws IOException {
        Analysis analysis = analyse();
        JsonNode role = analysis.template().path("Resources").path("IamRoleLambdaExecution");
        JsonNode statements = role.path("Properties").path("Policies").path(0).path("PolicyDocument").path("Statement");
        // logs (2), the declared statement, the derived sqs statement: no managed or per-function statement
        assertEquals(4, statements.size(), statements.toString());
        assertEquals(2, role.path("Properties").path("ManagedPolicyArns").size());
        assertTrue(analysis.statements().stream().anyMatch(s -> !s.inline()));
        assertEquals(new ObjectMapper().readTree("""
                {"Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem",
                "Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/t"}]}"""),
                analysis.template().path("Resources").path("CustomRole").path("Properties").path("Policies").path(0)
                        .path("PolicyDocument"));
    }

    private static PermissionGrant only(List<PermissionGrant> grants, String origin) {
        List<PermissionGrant> of = grants.stream().filter(g -> g.statement().origin().equals(origin)).toList();
        assertEquals(1, of.size(), of.toString());
        return of.get(0);
    }

    private static List<PermissionGrant> grants(Analysis analysis, String function) {
        Function f = analysis.functions().stream().filter(x -> x.key().equals(function)).findFirst().orElseThrow();
        return EffectivePermissions.of(f, analysis.statements());
    }

    private Analysis analyse() throws IOException {
        Files.writeString(dir.resolve("serverless.yml"), SERVICE);
        return PipelineFactory.create(List.of()).run(dir.resolve("serverless.yml"), "serverless.yml",
                VariableOptions.none());
    }
}

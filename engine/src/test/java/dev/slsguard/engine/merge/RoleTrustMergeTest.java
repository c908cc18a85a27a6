package dev.slsguard.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.RoleTrust;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.StatementOrder;
import dev.slsguard.engine.source.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trust principals derived by rules land in the role's trust statement for Lambda, as v3 pushes them. */
class RoleTrustMergeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SourceRef REF = SourceRef.ofFile("serverless.yml");

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    private static TemplateDraft draft(String... roles) throws Exception {
        Service service = new Service("svc", "dev", "us-east-1", "warn", Optional.empty(), true, REF,
                new MapNode(REF, List.of()));
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < roles.length; i += 2) {
            ObjectNode definition = json(roles[i + 1]);
            resources.add(new Resource(roles[i], "AWS::IAM::Role", definition, Optional.empty(), REF));
        }
        return new TemplateDraft(service, resources, List.of(), Optional.empty());
    }

    private static final String LAMBDA_ROLE = "{'Type':'AWS::IAM::Role','Properties':{'AssumeRolePolicyDocument':"
            + "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':['edge.example.com']},"
            + "'Action':['sts:AssumeRole']},{'Effect':'Allow','Principal':{'Service':['lambda.amazonaws.com']},"
            + "'Action':['sts:AssumeRole']}]},'Policies':[{'PolicyName':'p','PolicyDocument':"
            + "{'Version':'2012-10-17','Statement':[]}}]}}";

    @Test
    void servicesAreAppendedToTheLambdaStatementInOrderKeyOrder() throws Exception {
        RoleTrust later = new RoleTrust("IamRoleLambdaExecution", "edgelambda.amazonaws.com", "T", REF,
                StatementOrder.event(20, -1, 0));
        RoleTrust scheduler = new RoleTrust("IamRoleLambdaExecution", "scheduler.amazonaws.com", "T", REF,
                StatementOrder.event(0, -1, 0));
        RoleTrust other = new RoleTrust("OtherRole", "states.amazonaws.com", "T", REF, StatementOrder.event(0, -1, 0));
        ObjectNode template = TemplateMerger.merge(draft("IamRoleLambdaExecution", LAMBDA_ROLE), List.of(),
                List.of(later, other, scheduler));
        ObjectNode document = (ObjectNode) template.at("/Resources/IamRoleLambdaExecution/Properties/AssumeRolePolicyDocument");
        assertEquals(json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'Service':"
                + "['edge.example.com']},'Action':['sts:AssumeRole']},{'Effect':'Allow','Principal':{'Service':"
                + "['lambda.amazonaws.com','scheduler.amazonaws.com','edgelambda.amazonaws.com']},"
                + "'Action':['sts:AssumeRole']}]}"), document);
    }

    @Test
    void aRoleWithoutALambdaTrustStatementIsLeftAsItIs() throws Exception {
        String role = "{'Type':'AWS::IAM::Role','Properties':{'AssumeRolePolicyDocument':{'Statement':"
                + "[{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}]}}}";
        RoleTrust scheduler = new RoleTrust("R", "scheduler.amazonaws.com", "T", REF, StatementOrder.event(0, -1, 0));
        ObjectNode template = TemplateMerger.merge(draft("R", role), List.of(), List.of(scheduler));
        assertEquals(json(role), template.at("/Resources/R"));
    }

    @Test
    void withoutTrustsTheTwoArgumentMergeIsUnchanged() throws Exception {
        assertEquals(TemplateMerger.merge(draft("IamRoleLambdaExecution", LAMBDA_ROLE), List.of()),
                TemplateMerger.merge(draft("IamRoleLambdaExecution", LAMBDA_ROLE), List.of(), List.of()));
    }
}

package dev.slsguard.rules.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.CfnValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourcePatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CfnValue value(String json) throws Exception {
        return CfnValue.of(JSON.readTree(json));
    }

    @Test
    void subPlaceholdersAreWildcardsForMatchingButStackResourcesAreScoped() throws Exception {
        CfnValue sub = value("{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::${Uploads}/*\"}");
        assertEquals(Optional.of("arn:*:s3:::*/*"), ResourcePatterns.matching(sub));
        assertEquals(Optional.of("arn:*:s3:::{Uploads}/*"), ResourcePatterns.wildcards(sub));
        IamAction get = IamCatalog.builtIn().action("s3:GetObject").orElseThrow();
        assertTrue(get.accepts(ResourcePatterns.matching(sub).orElseThrow()));
        ResourceType object = get.primaryType();
        assertFalse(object.coveredBy(ResourcePatterns.wildcards(sub).orElseThrow()));
    }

    @Test
    void pseudoParametersOnlyAreStillEveryResource() throws Exception {
        CfnValue secrets = value("{\"Fn::Sub\": \"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:"
                + "${AWS::AccountId}:secret:*\"}");
        String wild = ResourcePatterns.wildcards(secrets).orElseThrow();
        assertEquals("arn:*:secretsmanager:*:*:secret:*", wild);
        ResourceType secret = IamCatalog.builtIn().action("secretsmanager:GetSecretValue").orElseThrow()
                .primaryType();
        assertTrue(secret.coveredBy(wild));
    }

    @Test
    void joinsOfReferencesAreScoped() throws Exception {
        CfnValue join = value("{\"Fn::Join\": [\"/\", [{\"Fn::GetAtt\": [\"Table\", \"Arn\"]}, \"index\", \"*\"]]}");
        assertEquals(Optional.of("*/index/*"), ResourcePatterns.matching(join));
        assertEquals(Optional.of("{ref}/index/*"), ResourcePatterns.wildcards(join));
        CfnValue partition = value("{\"Fn::Join\": [\"\", [\"arn:\", {\"Ref\": \"AWS::Partition\"}, \":s3:::b/*\"]]}");
        assertEquals(Optional.of("arn:*:s3:::b/*"), ResourcePatterns.wildcards(partition));
    }

    @Test
    void refsAndGetAttsAreUnknown() throws Exception {
        assertTrue(ResourcePatterns.matching(value("{\"Ref\": \"Queue\"}")).isEmpty());
        assertTrue(ResourcePatterns.matching(value("{\"Fn::GetAtt\": [\"Queue\", \"Arn\"]}")).isEmpty());
        assertTrue(ResourcePatterns.matching(value("{\"Fn::Sub\": [\"arn:aws:s3:::${B}/*\", {\"B\": \"x\"}]}"))
                .isEmpty());
        assertEquals("!GetAtt Queue.Arn", ResourcePatterns.display(value("{\"Fn::GetAtt\": [\"Queue\", \"Arn\"]}")));
    }
}

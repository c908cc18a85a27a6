package dev.slsguard.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.Nodes;
import dev.slsguard.engine.source.ScalarNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What ajv's {@code coerceTypes: 'array'} does in {@code anyOf} branches and to null values, as v3 runs it. */
class CoercionTest {

    private static final SourceRef AT = new SourceRef("serverless.yml", 1, 1, "");
    private static final String SCHEMA = "dev/slsguard/engine/schema/coercion-test.schema.json";

    private static String coerced(String key, Node value) {
        MapNode config = new MapNode(AT, List.of(new MapNode.Field(key, AT, value)));
        return Nodes.toJson(Coercion.coerce(SchemaDocuments.root(SCHEMA), config)).get(key).toString();
    }

    private static ScalarNode scalar(Object value) {
        return new ScalarNode(AT, value);
    }

    private static ListNode list(Node... items) {
        return new ListNode(AT, List.of(items));
    }

    @Test
    void aConstBranchAppliesOnlyToItsValue() {
        assertEquals("\"*\"", coerced("principal", scalar("*")));
        // v3: AWS: arn:... fails const '*', then the list branch wraps it
        assertEquals("[\"arn:aws:iam::123456789012:root\"]",
                coerced("principal", scalar("arn:aws:iam::123456789012:root")));
    }

    @Test
    void anEarlierArrayBranchWrapsTheValueBeforeALaterEnumIsTried() {
        // checked with the ajv v3 runs (coerceTypes: 'array'): {level: 1} becomes {level: [1]}
        assertEquals("[1]", coerced("level", scalar(1L)));
        assertEquals("[5]", coerced("level", scalar(5L)));
    }

    @Test
    void aOneItemListBecomesItsScalarButNeverAMapping() {
        assertEquals("\"arn:aws:s3:::b\"", coerced("resource", list(scalar("arn:aws:s3:::b"))));
        MapNode ref = new MapNode(AT, List.of(new MapNode.Field("Ref", AT, scalar("Bucket"))));
        assertEquals("[{\"Ref\":\"Bucket\"}]", coerced("resource", list(ref)));
    }

    @Test
    void nullValuesInMappingsStayNull() {
        MapNode template = new MapNode(AT, List.of(new MapNode.Field("application/json", AT, scalar(null)),
                new MapNode.Field("text/plain", AT, scalar(5L))));
        assertEquals("{\"application/json\":null,\"text/plain\":\"5\"}", coerced("template", template));
    }
}

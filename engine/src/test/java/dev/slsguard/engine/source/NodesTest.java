package dev.slsguard.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.engine.model.SourceRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodesTest {

    private static final SourceRef AT = new SourceRef("serverless.yml", 1, 1, "");

    private static ScalarNode scalar(Object value) {
        return new ScalarNode(AT, value);
    }

    @Test
    void mappingsKeepKeyOrderAndNumbersKeepTheirKind() {
        MapNode map = new MapNode(AT, List.of(
                new MapNode.Field("zeta", AT, scalar(5L)),
                new MapNode.Field("alpha", AT, scalar(5_000_000_000L)),
                new MapNode.Field("big", AT, scalar(new BigInteger("123456789012345678901234567890"))),
                new MapNode.Field("ratio", AT, scalar(0.5)),
                new MapNode.Field("inf", AT, scalar(Double.POSITIVE_INFINITY)),
                new MapNode.Field("flag", AT, scalar(true)),
                new MapNode.Field("none", AT, scalar(null)),
                new MapNode.Field("list", AT, new ListNode(AT, List.of(scalar("a"), scalar(1L))))));
        JsonNode json = Nodes.toJson(map);
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("zeta", "alpha", "big", "ratio", "inf", "flag", "none", "list"), names);
        assertTrue(json.get("zeta").isInt());
        assertTrue(json.get("alpha").isLong());
        assertTrue(json.get("big").isBigInteger());
        assertTrue(json.get("ratio").isDouble());
        assertTrue(json.get("inf").isNull(), "JSON.stringify writes Infinity as null");
        assertTrue(json.get("flag").isBoolean());
        assertTrue(json.get("none").isNull());
        assertEquals("[\"a\",1]", json.get("list").toString());
    }
}

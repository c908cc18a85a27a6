package dev.slsguard.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final String FILE = "serverless.yml";

    private static SourceRef at(int line) {
        return new SourceRef(FILE, line, 7, "");
    }

    private static ScalarNode scalar(int line, Object value) {
        return new ScalarNode(at(line), value);
    }

    private static MapNode.Field field(String key, int line, Node value) {
        return new MapNode.Field(key, new SourceRef(FILE, line, 5, ""), value);
    }

    private final Setting event = Setting.of(new MapNode(at(10), List.of(
            field("batchSize", 11, scalar(11, "25")),
            field("enabled", 12, scalar(12, "true")),
            field("arn", 13, scalar(13, "arn:aws:sqs:us-east-1:123456789012:orders")),
            field("window", 14, scalar(14, "${ssm:/window}")),
            field("flag", 15, scalar(15, "yes")),
            field("filters", 16, new ListNode(at(16), List.of(scalar(17, 1.5), scalar(18, null)))),
            field("queue", 19, new MapNode(at(19), List.of(field("Fn::GetAtt", 19,
                    new ListNode(at(19), List.of(scalar(19, "Queue"), scalar(19, "Arn"))))))))));

    @Test
    void readsNumbersAndBooleansTheWayV3sValidatorCoercesThem() {
        Setting size = event.get("batchSize");
        assertEquals(Optional.of(BigInteger.valueOf(25)), size.integer());
        assertTrue(size.above(10));
        assertFalse(size.above(25));
        assertTrue(size.below(26));
        assertTrue(size.equalsNumber(25));
        assertEquals(Optional.of(true), event.get("enabled").bool());
        assertEquals(Optional.empty(), event.get("flag").bool(), "'yes' is no boolean to ajv");
        assertEquals(Optional.of(false), event.get("filters").items().get(1).bool(), "null coerces to false");
        assertEquals(Optional.empty(), event.get("filters").items().get(0).integer(), "1.5 is no integer");
    }

    @Test
    void locatesMembersAndItemsAtTheirOwnLines() {
        assertEquals(11, event.get("batchSize").ref().line());
        assertEquals(5, event.get("batchSize").keyRef().column());
        assertEquals(List.of(17, 18), event.get("filters").items().stream().map(s -> s.ref().line()).toList());
        assertEquals("filters", event.get("filters").items().get(0).name());
        assertEquals(List.of("batchSize", "enabled", "arn", "window", "flag", "filters", "queue"),
                event.members().stream().map(Setting::name).toList());
    }

    @Test
    void anAbsentSettingReadsAsNothingAndPointsAtItsParent() {
        Setting missing = event.get("maximumBatchingWindow");
        assertFalse(missing.present());
        assertFalse(missing.above(-1));
        assertFalse(missing.unresolved());
        assertEquals(Optional.empty(), missing.text());
        assertEquals(10, missing.ref().line());
        assertEquals("absent", missing.kind());
        assertFalse(event.at("queue", "x", "y").present());
        assertEquals(19, event.at("queue", "x", "y").ref().line());
    }

    @Test
    void truthinessIsJavaScripts() {
        assertTrue(event.get("batchSize").truthy());
        assertTrue(Setting.of(scalar(1, "0")).truthy(), "the text '0' is truthy in JavaScript");
        assertFalse(Setting.of(scalar(1, 0L)).truthy());
        assertFalse(Setting.of(scalar(1, "")).truthy());
        assertFalse(Setting.of(scalar(1, null)).truthy());
        assertFalse(Setting.of(scalar(1, false)).truthy());
        assertTrue(event.get("filters").truthy());
        assertFalse(event.get("nothing").truthy());
    }

    @Test
    void knowsUnresolvedVariablesArnsAndIntrinsics() {
        assertTrue(event.get("window").unresolved());
        assertEquals(Optional.of("sqs"), event.get("arn").arnService());
        assertTrue(event.get("queue").isIntrinsic());
        assertEquals(Optional.of("Fn::GetAtt"), event.get("queue").intrinsicName());
        assertFalse(event.get("arn").isIntrinsic());
        assertEquals("'yes'", event.get("flag").shown());
        assertEquals("a list", event.get("filters").shown());
        assertEquals("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}", event.get("queue").toJson().toString());
    }
}

package dev.slsguard.compilers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void numbersPrintLikeJavaScript() {
        assertEquals("100", Js.numberToString(100.0));
        assertEquals("1.5", Js.numberToString(1.5));
        assertEquals("0.000001", Js.numberToString(0.000001));
        assertEquals("1e-7", Js.numberToString(0.0000001));
        assertEquals("1e+21", Js.numberToString(1e21));
        assertEquals("123456789012345680000", Js.numberToString(123456789012345678901.0));
        assertEquals("-2.5", Js.numberToString(-2.5));
        assertEquals("8080", Js.numberToString(JSON.numberNode(8080)));
    }

    @Test
    void stringifyIsCompactAndEscapesLikeJsonStringify() throws Exception {
        var pattern = new ObjectMapper().readTree("{\"body\":{\"amount\":[{\"numeric\":[\">\",100.0]}],\"t\":\"a\\\"b\\n\\u0001é\"}}");
        assertEquals("{\"body\":{\"amount\":[{\"numeric\":[\">\",100]}],\"t\":\"a\\\"b\\n\\u0001é\"}}", Js.stringify(pattern));
        assertEquals("{\"1\":true,\"b\":null,\"a\":1}", Js.stringify(new ObjectMapper().readTree("{\"b\":null,\"a\":1,\"1\":true}")),
                "integer-like keys come first in JavaScript objects");
    }

    @Test
    void truthiness() {
        assertFalse(Js.truthy(null));
        assertFalse(Js.truthy(JSON.nullNode()));
        assertFalse(Js.truthy(JSON.numberNode(0)));
        assertFalse(Js.truthy(JSON.textNode("")));
        assertFalse(Js.truthy(JSON.booleanNode(false)));
        assertTrue(Js.truthy(JSON.textNode("0")));
        assertTrue(Js.truthy(JSON.arrayNode()));
        assertTrue(Js.truthy(JSON.objectNode()));
    }

    @Test
    void numberOfText() {
        assertEquals(Optional.of(25.0), Js.toNumber(" 25 "));
        assertEquals(Optional.of(26.0), Js.toNumber("0x1A"));
        assertEquals(Optional.of(1000.0), Js.toNumber("1e3"));
        assertEquals(Optional.empty(), Js.toNumber("ten"));
    }

    @Test
    void objectKeyOrderPutsIndicesFirst() {
        assertEquals(List.of("2", "10", "b", "a", "01"), Js.objectKeyOrder(List.of("b", "10", "a", "2", "01")));
    }
}

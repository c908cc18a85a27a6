package dev.slsguard.compilers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** AJV {@code coerceTypes: 'array'}, as v3's schema validation applies it before compiling. */
class CoerceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void integers() throws Exception {
        assertEquals(json("25"), Coerce.integer(json("\"25\"")));
        assertEquals(json("1"), Coerce.integer(json("true")));
        assertEquals(json("0"), Coerce.integer(json("null")));
        assertEquals(json("7"), Coerce.integer(json("[\"7\"]")));
        assertEquals(json("\"ten\""), Coerce.integer(json("\"ten\"")), "not coercible: passed on verbatim");
        assertEquals(json("\"2.5\""), Coerce.integer(json("\"2.5\"")));
        assertEquals(json("2.5"), Coerce.number(json("\"2.5\"")));
        assertNull(Coerce.integer(null), "undefined stays undefined");
    }

    @Test
    void booleans() throws Exception {
        assertEquals(json("true"), Coerce.bool(json("\"true\"")));
        assertEquals(json("false"), Coerce.bool(json("0")));
        assertEquals(json("false"), Coerce.bool(json("null")));
        assertEquals(json("\"yes\""), Coerce.bool(json("\"yes\"")), "case 22: Enabled \"yes\" is kept");
    }

    @Test
    void strings() throws Exception {
        assertEquals(json("\"8080\""), Coerce.string(json("8080")));
        assertEquals(json("\"1.5\""), Coerce.string(json("1.5")));
        assertEquals(json("\"true\""), Coerce.string(json("true")));
        assertEquals(json("\"\""), Coerce.string(json("null")));
        assertEquals(json("{\"Ref\":\"X\"}"), Coerce.string(json("{\"Ref\":\"X\"}")));
    }
}

package dev.slsguard.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({"1.0, 1", "0.5, 0.5", "-2.25, -2.25", "1e21, 1e+21", "1e20, 100000000000000000000",
            "0.000001, 0.000001", "1e-7, 1e-7", "1.5e-9, 1.5e-9", "123456.789, 123456.789", "-0.0, 0"})
    void numbersPrintAsJavaScriptDoes(double value, String expected) {
        assertEquals(expected, JsJson.numberToString(JsonNodeFactory.instance.numberNode(value)));
    }

    @Test
    void integersPrintAsDigits() {
        assertEquals("9007199254740993", JsJson.numberToString(JsonNodeFactory.instance.numberNode(9007199254740993L)));
        assertEquals("-42", JsJson.numberToString(JsonNodeFactory.instance.numberNode(-42)));
    }

    @Test
    void everyKindOfIntegerNodePrintsItsExactDigits() {
        long[] values = {0, 7, -7, 10, 1000, -1000, 120_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE,
            9_007_199_254_740_993L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : values) {
            String digits = java.math.BigInteger.valueOf(value).toString();
            assertEquals(digits, JsJson.numberToString(JsonNodeFactory.instance.numberNode(value)), "long " + value);
            assertEquals(digits, JsJson.numberToString(JsonNodeFactory.instance.numberNode(
                    java.math.BigInteger.valueOf(value))), "big integer " + value);
            if (value == (int) value) {
                assertEquals(digits, JsJson.numberToString(JsonNodeFactory.instance.numberNode((int) value)),
                        "int " + value);
            }
        }
    }

    @Test
    void deepNestingIsIndentedTwoSpacesPerLevel() {
        com.fasterxml.jackson.databind.node.ObjectNode root = JsonNodeFactory.instance.objectNode();
        com.fasterxml.jackson.databind.node.ObjectNode at = root;
        for (int depth = 1; depth < 40; depth++) {
            at = at.putObject("d");
        }
        at.put("leaf", 1);
        String pretty = JsJson.pretty(root);
        assertEquals("\n" + " ".repeat(80) + "\"leaf\": 1\n", pretty.substring(pretty.indexOf("\n" + " ".repeat(80)),
                pretty.indexOf("\n", pretty.indexOf("\"leaf\"")) + 1));
        assertEquals(JsJson.stringify(root), pretty.replaceAll("\n *", "").replace("\": ", "\":"));
    }

    @Test
    void theMembersOfOneObjectAreMeasuredWhileTheWholeIsCounted() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode template = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(
                "{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{\"B\":{\"Type\":\"caf\u00e9\",\"2\":[1.5,null]},"
                        + "\"10\":{},\"A\":{\"Properties\":{\"Code\":\"\ud83d\ude80\\n\"}}},\"Outputs\":{\"Resources\":{\"X\":1}}}");
        template.with("Resources").putObject("Big").put("Body", "x".repeat(10_000));
        java.util.Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        long total = JsJson.stringifiedUtf8Length(template, "Resources", sizes::put);
        assertEquals(JsJson.stringifiedUtf8Length(template), total);
        assertEquals(utf8(JsJson.stringify(template)), total);
        assertEquals(List.of("10", "B", "A", "Big"), List.copyOf(sizes.keySet()), "in the order written; not Outputs' member");
        sizes.forEach((id, size) -> assertEquals(utf8(JsJson.stringify(template.get("Resources").get(id))), size, id));
    }

    private static long utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Test
    void countingAgainAfterALongStringGivesTheSameLengths() {
        com.fasterxml.jackson.databind.node.ObjectNode small = JsonNodeFactory.instance.objectNode().put("a", "caf\u00e9");
        com.fasterxml.jackson.databind.node.ObjectNode large = JsonNodeFactory.instance.objectNode()
                .put("code", "x".repeat(200_000) + "\u2192");
        long smallLength = JsJson.stringify(small).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertEquals(smallLength, JsJson.stringifiedUtf8Length(small));
        assertEquals(JsJson.stringify(large).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                JsJson.stringifiedUtf8Length(large));
        assertEquals(smallLength, JsJson.stringifiedUtf8Length(small));
    }

    @Test
    void stringsAreQuotedAsJsonStringifyDoes() {
        assertEquals("\"plain text, caf\u00e9 \u2192\"", quoted("plain text, caf\u00e9 \u2192"));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\\u0000i\\u001fj\u007f\"",
                quoted("a\"b\\c\nd\te\rf\bg\fh\u0000i\u001fj\u007f"));
        assertEquals("\"\ud83d\ude80 pair\"", quoted("\ud83d\ude80 pair"));
        assertEquals("\"\\ud800 lone high, lone low \\udc00\"", quoted("\ud800 lone high, lone low \udc00"));
        assertEquals("\"\\udc00\\ud800\"", quoted("\udc00\ud800"));
        assertEquals("\"\"", quoted(""));
        // against the character-by-character definition, on strings of the characters that matter
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', ' ', '"', '\\', '\n', '\u0001', '\u001f', '\u00e9', '\u2192', '\ud83d', '\ude80', '\ud800',
            '\udfff'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertEquals(byDefinition(text.toString()), quoted(text.toString()), () -> text.chars()
                    .mapToObj(Integer::toHexString).toList().toString());
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        JsJson.quote(out, text);
        return out.toString();
    }

    /** JSON.stringify of a string, character by character (ECMA-262 QuoteJSONString). */
    private static String byDefinition(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedHigh && !pairedLow) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Test
    void compactFormPutsIndexKeysFirstAndEscapesLikeJavaScript() throws Exception {
        assertEquals("{\"1\":true,\"b\":null,\"a\":[1.5,\"x\\\"\\n\\u0001\"]}",
                JsJson.stringify(MAPPER.readTree("{\"b\":null,\"a\":[1.5,\"x\\\"\\n\\u0001\"],\"1\":true}")));
    }

    @Test
    void indentedFormIsJsonStringifyWithTwoSpaces() throws Exception {
        assertEquals("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}",
                JsJson.pretty(MAPPER.readTree("{\"a\":[1.0,{}],\"b\":[]}")));
    }

    @Test
    void objectKeysOrder() {
        assertEquals(List.of("2", "10", "b", "a"), JsJson.objectKeyOrder(List.of("b", "10", "a", "2")));
    }

    @Test
    void prettyLineBytesAreThePrettyTextAndANewlineInUtf8() throws Exception {
        // large enough for many chunks; texts with non-Latin-1 characters, surrogate pairs and lone surrogates
        com.fasterxml.jackson.databind.node.ObjectNode root = JsonNodeFactory.instance.objectNode();
        String[] texts = {"plain", "caf\u00e9 \u2192 \u2026", "\ud83d\ude80 rocket", "lone \ud800 high", "lone \udc00 low",
            "quote \" and \\ and \n"};
        for (int i = 0; i < 4000; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode item = root.putObject("Resource" + i);
            item.put("Type", texts[i % texts.length]);
            item.putArray("List").add(i).add(i * 0.5).add(texts[(i + 1) % texts.length]).addNull();
            item.put(String.valueOf(i % 7), true);
        }
        byte[] expected = (JsJson.pretty(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(expected.length > 4 * 65536, "several chunks");
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, JsJson.prettyLineBytes(root));
        assertEquals(JsJson.stringify(root).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                JsJson.stringifiedUtf8Length(root));
        org.junit.jupiter.api.Assertions.assertArrayEquals("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                JsJson.prettyLineBytes(JsonNodeFactory.instance.objectNode()));
    }
}

package dev.slsguard.engine.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsTextTest {

    @Test
    void numbersReadAsJavaScriptWritesThem() {
        assertEquals("1", JsText.numberText(1.0));
        assertEquals("1.5", JsText.numberText(1.5));
        assertEquals("-0.25", JsText.numberText(-0.25));
        assertEquals("100000000000000000000", JsText.numberText(1e20));
        assertEquals("1e+21", JsText.numberText(1e21));
        assertEquals("1.5e-7", JsText.numberText(1.5e-7));
        assertEquals("0.000001", JsText.numberText(1e-6));
        assertEquals("Infinity", JsText.numberText(Double.POSITIVE_INFINITY));
        assertEquals("42", JsText.scalarText(42L));
        assertEquals("true", JsText.scalarText(true));
    }
}

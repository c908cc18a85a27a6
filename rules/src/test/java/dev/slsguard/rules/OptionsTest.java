package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.text.Spelling;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Option reads follow v3's AJV coercion. */
class OptionsTest {

    private static final SourceRef AT = SourceRef.ofFile("serverless.yml");

    private static ScalarNode scalar(Object value) {
        return new ScalarNode(AT, value);
    }

    @Test
    void integersCoerceFromNumericStringsBooleansAndNull() {
        assertEquals(Optional.of(BigInteger.valueOf(25)), Options.integer(scalar("25")));
        assertEquals(Optional.of(BigInteger.valueOf(10)), Options.integer(scalar(10.0)));
        assertEquals(Optional.of(BigInteger.ONE), Options.integer(scalar(true)));
        assertEquals(Optional.of(BigInteger.ZERO), Options.integer(scalar(null)));
        assertEquals(Optional.empty(), Options.integer(scalar("ten")));
        assertEquals(Optional.empty(), Options.integer(scalar(2.5)));
        assertEquals(Optional.empty(), Options.integer(scalar("")));
        assertEquals(Optional.empty(), Options.integer(new ListNode(AT, List.of())));
    }

    @Test
    void booleansCoerceOnlyFromTrueFalseOneZeroAndNull() {
        assertEquals(Optional.of(true), Options.bool(scalar("true")));
        assertEquals(Optional.of(false), Options.bool(scalar("false")));
        assertEquals(Optional.of(true), Options.bool(scalar(1L)));
        assertEquals(Optional.of(false), Options.bool(scalar(0L)));
        assertEquals(Optional.of(false), Options.bool(scalar(null)));
        assertEquals(Optional.empty(), Options.bool(scalar("yes")));
        assertEquals(Optional.empty(), Options.bool(scalar(2L)));
    }

    @Test
    void intrinsicsArnsAndPlaceholdersAreRecognised() {
        MapNode getAtt = new MapNode(AT, List.of(new MapNode.Field("Fn::GetAtt", AT,
                new ListNode(AT, List.of(scalar("Q"), scalar("Arn"))))));
        assertTrue(Options.isIntrinsic(getAtt));
        assertFalse(Options.isIntrinsic(new MapNode(AT, List.of(new MapNode.Field("arn", AT, scalar("x"))))));
        assertEquals(Optional.of("sqs"), Options.arnService(scalar("arn:aws:sqs:us-east-1:1:q")));
        assertTrue(Options.unresolved(scalar("${ssm:/x}")));
        assertFalse(Options.unresolved(scalar("arn:aws:sqs:us-east-1:1:q")));
        assertEquals("'yes'", Options.show(scalar("yes")));
        assertEquals("no value", Options.show(scalar(null)));
    }
}

package dev.slsguard.engine.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariableParserTest {

    private static final SourceRef AT = new SourceRef("serverless.yml", 1, 1, "");

    private static Template parse(String text) {
        return VariableParser.parse(text, AT);
    }

    private static Variable single(String text) {
        Template template = parse(text);
        assertTrue(template.isSingleVariable(), text);
        return ((Template.Var) template.pieces().get(0)).variable();
    }

    private static Template text(String value) {
        return new Template(List.of(new Template.Text(value)));
    }

    @Test
    void sourcesParamsAddressesAndFallbacks() {
        Variable variable = single("${file(./config.yml):a.b, self:custom.x, 'dev'}");
        assertEquals("${file(./config.yml):a.b, self:custom.x, 'dev'}", variable.text());
        assertEquals(List.of(
                new VariableSource.Typed("file", List.of(text("./config.yml")), Optional.of(text("a.b"))),
                new VariableSource.Typed("self", List.of(), Optional.of(text("custom.x"))),
                new VariableSource.Literal("dev")), variable.sources());
    }

    @Test
    void selfWithoutAddressAndNumbersAsFallbacks() {
        assertEquals(List.of(new VariableSource.Typed("self", List.of(), Optional.empty())), single("${self:}").sources());
        assertEquals(new VariableSource.Literal(3L), single("${opt:n, 3}").sources().get(1));
        assertEquals(new VariableSource.Literal(0.25), single("${opt:n, 0.25}").sources().get(1));
        assertEquals(new VariableSource.Literal(null), single("${opt:n, null}").sources().get(1));
    }

    @Test
    void textAroundVariablesAndNestedVariables() {
        Template template = parse("orders-${self:custom.${opt:stage}}-q");
        assertEquals(3, template.pieces().size());
        Variable outer = ((Template.Var) template.pieces().get(1)).variable();
        VariableSource.Typed self = (VariableSource.Typed) outer.sources().get(0);
        Template address = self.address().orElseThrow();
        assertEquals(new Template.Text("custom."), address.pieces().get(0));
        assertTrue(address.pieces().get(1) instanceof Template.Var);
    }

    @Test
    void foreignPlaceholdersAndEscapesAreText() {
        for (String text : List.of("${AWS::Region}", "${Bucket}", "${myParam}", "${ self:x }", "${aws::x}", "$x", "a$")) {
            Template template = parse(text);
            assertFalse(template.hasVariables(), text);
            assertEquals(text, template.literal());
        }
        assertEquals("${self:x}", parse("\\${self:x}").literal());
        assertEquals("\\${self:x}", parse("\\\\\\${self:x}").literal());
        Template evenBackslashes = parse("\\\\${self:x}");
        assertEquals(new Template.Text("\\"), evenBackslashes.pieces().get(0));
        assertTrue(evenBackslashes.pieces().get(1) instanceof Template.Var);
    }

    @Test
    void brokenSyntaxIsAUserError() {
        assertThrows(UserError.class, () -> parse("${self:a"));
        assertThrows(UserError.class, () -> parse("${self:a, 'x', 'y'}"));
        assertThrows(UserError.class, () -> parse("${self:a, dev}"));
        assertThrows(UserError.class, () -> parse("${self:custom.${Foo}}"));
        assertThrows(UserError.class, () -> parse("${file(a}"));
    }
}

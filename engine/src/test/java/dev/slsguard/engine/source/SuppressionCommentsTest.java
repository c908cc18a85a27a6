package dev.slsguard.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.engine.model.SuppressionComment;
import dev.slsguard.engine.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which comments are suppressions, and what their rule id and reason are. */
class SuppressionCommentsTest {

    private static List<SuppressionComment> parse(String text) {
        return SuppressionComments.parse(text, "s.yml");
    }

    @Test
    void wholeLineAndTrailingComments() {
        List<SuppressionComment> found = parse("""
                a: 1
                  # slsguard-ignore: SLS-IAM-001 the deploy role needs it, ticket #42
                b: x  #slsguard-ignore:SLS-VAL-004   known placeholder   # expect: SLS-VAL-004
                c: 1 # slsguard-ignore: SLS-VAL-005
                # slsguard-ignore:
                """);
        assertEquals(List.of(
                new SuppressionComment("SLS-IAM-001", "the deploy role needs it, ticket #42",
                        new SourceRef("s.yml", 2, 3, "")),
                new SuppressionComment("SLS-VAL-004", "known placeholder", new SourceRef("s.yml", 3, 7, "")),
                new SuppressionComment("SLS-VAL-005", "", new SourceRef("s.yml", 4, 6, "")),
                new SuppressionComment("", "", new SourceRef("s.yml", 5, 1, ""))), found);
    }

    @Test
    void notInsideQuotedScalarsOrWords() {
        assertEquals(List.of(), parse("""
                a: 'see # slsguard-ignore: SLS-VAL-004 here'
                b: "x \\" # slsguard-ignore: SLS-VAL-004 y"
                c: 'it''s # slsguard-ignore: SLS-VAL-004'
                d: url#slsguard-ignore: SLS-VAL-004
                # a note about slsguard-ignore: SLS-VAL-004
                """));
        List<SuppressionComment> plain = parse("e: it's fine # slsguard-ignore: SLS-VAL-004 plain scalar\n");
        assertEquals(1, plain.size());
        assertEquals(14, plain.get(0).ref().column());
    }
}

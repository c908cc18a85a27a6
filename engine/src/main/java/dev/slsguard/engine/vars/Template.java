package dev.slsguard.engine.vars;

import java.util.List;

/**
 * A string as the variable syntax sees it: literal text and variables, in order. Escaped
 * {@code \${...}} is already literal text here.
 */
record Template(List<Piece> pieces) {

    /** One part of a template. */
    sealed interface Piece permits Text, Var {
    }

    /** Literal text. */
    record Text(String text) implements Piece {
    }

    /** A variable. */
    record Var(Variable variable) implements Piece {
    }

    Template {
        pieces = List.copyOf(pieces);
    }

    boolean hasVariables() {
        return pieces.stream().anyMatch(Var.class::isInstance);
    }

    /** The whole string is one variable: its value keeps its type (a map, a list, a number ...). */
    boolean isSingleVariable() {
        return pieces.size() == 1 && pieces.get(0) instanceof Var;
    }

    /** The text when there is no variable (escapes removed). */
    String literal() {
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces) {
            text.append(piece instanceof Text t ? t.text() : ((Var) piece).variable().text());
        }
        return text.toString();
    }
}

package dev.slsguard.engine.vars;

import java.util.List;
import java.util.Optional;

/** One source of a variable: {@code self:a.b}, {@code file(./x.yml):a}, a literal, or a nested variable. */
sealed interface VariableSource permits VariableSource.Typed, VariableSource.Literal, VariableSource.Nested {

    /**
     * A named source such as {@code self}, {@code opt}, {@code file(...)}.
     *
     * @param type    the source name ({@code self}, {@code env}, {@code file} ...)
     * @param params  the parenthesised arguments ({@code file(./x.yml)}), each may hold variables
     * @param address what follows the colon, may hold variables; empty for {@code ${self:}} and {@code ${file(x)}}
     */
    record Typed(String type, List<Template> params, Optional<Template> address) implements VariableSource {

        public Typed {
            params = List.copyOf(params);
        }
    }

    /** A literal fallback: a quoted string, a number, {@code true}, {@code false} or {@code null}. */
    record Literal(Object value) implements VariableSource {
    }

    /** A whole variable used as a fallback, {@code ${self:a, ${env:B}}} (v3 accepts only {@code env:B}). */
    record Nested(Variable variable) implements VariableSource {
    }
}

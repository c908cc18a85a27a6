package dev.slsguard.engine.vars;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses Serverless Framework v3 variable syntax in a string.
 *
 * <ul>
 *   <li>{@code ${type:address}}, {@code ${type(param, ...):address}}, {@code ${type:}};
 *       sources separated by commas, a quoted string, number, {@code true}/{@code false}/{@code null}
 *       as the last fallback; variables nest in addresses, params and (unlike v3) as fallbacks.</li>
 *   <li>Only {@code ${} followed at once by a lower-case source name and {@code :} or {@code (} starts
 *       a variable: {@code ${AWS::Region}}, {@code ${myParam}} and {@code ${ self:x }} stay text, as
 *       Fn::Sub needs.</li>
 *   <li>A backslash escapes {@code ${}: {@code \${x:y}} is the text {@code ${x:y}}; {@code \\} before
 *       {@code ${} is one backslash followed by a variable.</li>
 * </ul>
 */
final class VariableParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /** Deepest nesting of variables inside one another in one string (the parser recurses). */
    static final int MAX_DEPTH = Resolution.MAX_NESTING;

    private final String input;
    private final SourceRef ref;
    private int pos;
    private int depth;

    private VariableParser(String input, SourceRef ref) {
        this.input = input;
        this.ref = ref;
    }

    /**
     * Parses {@code text} (written at {@code ref}).
     *
     * @throws UserError on broken variable syntax
     */
    static Template parse(String text, SourceRef ref) {
        if (text.indexOf("${") < 0) {
            return new Template(List.of(new Template.Text(text)));
        }
        return new VariableParser(text, ref).template();
    }

    private Template template() {
        List<Template.Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (c == '\\') {
                int after = pos;
                while (after < input.length() && input.charAt(after) == '\\') {
                    after++;
                }
                int run = after - pos;
                if (input.startsWith("${", after)) {
                    text.append("\\".repeat(run / 2));
                    if (run % 2 == 1) {
                        text.append("${");
                        pos = after + 2;
                    } else {
                        pos = after;
                    }
                } else {
                    text.append(input, pos, after);
                    pos = after;
                }
                continue;
            }
            if (c == '$' && input.startsWith("${", pos)) {
                Variable variable = variable(false);
                if (variable != null) {
                    flush(text, pieces);
                    pieces.add(new Template.Var(variable));
                    continue;
                }
            }
            text.append(c);
            pos++;
        }
        flush(text, pieces);
        return new Template(pieces);
    }

    /**
     * Parses the variable starting at {@code pos} (on {@code ${}).
     *
     * @param nested inside another variable, where text that is not a variable is an error
     * @return null when this {@code ${...}} is not a variable (left as text)
     */
    private Variable variable(boolean nested) {
        if (depth >= MAX_DEPTH) {
            throw error("variables are nested more than " + MAX_DEPTH + " deep in " + excerpt(pos)
                    + "; flatten the chain (e.g. move inner fallbacks into custom: values)");
        }
        depth++;
        try {
            return variableAt(nested);
        } finally {
            depth--;
        }
    }

    private Variable variableAt(boolean nested) {
        int start = pos;
        int p = pos + 2;
        int typeEnd = p;
        if (p < input.length() && input.charAt(p) >= 'a' && input.charAt(p) <= 'z') {
            typeEnd = wordEnd(p);
        }
        boolean opens = typeEnd > p && typeEnd < input.length()
                && (input.charAt(typeEnd) == '(' || input.charAt(typeEnd) == ':');
        boolean foreignDoubleColon = opens && input.startsWith("::", typeEnd);
        if (!opens || foreignDoubleColon) {
            if (nested) {
                throw error("'" + excerpt(start) + "' inside a variable is not a variable");
            }
            return null;
        }
        pos = typeEnd;
        List<VariableSource> sources = new ArrayList<>();
        sources.add(typed(input.substring(p, typeEnd), start));
        while (true) {
            skipSpaces();
            if (pos >= input.length()) {
                throw unterminated(start);
            }
            char c = input.charAt(pos);
            if (c == '}') {
                pos++;
                return new Variable(input.substring(start, pos), sources);
            }
            if (c != ',') {
                throw error("unexpected '" + c + "' in " + excerpt(start));
            }
            pos++;
            VariableSource next = fallback(start);
            sources.add(next);
            if (next instanceof VariableSource.Literal) {
                skipSpaces();
                if (pos >= input.length() || input.charAt(pos) != '}') {
                    throw error("a literal fallback must come last in " + excerpt(start));
                }
            }
        }
    }

    /** The rest of a named source, {@code pos} on the {@code (} or {@code :} after its name. */
    private VariableSource.Typed typed(String type, int start) {
        List<Template> params = new ArrayList<>();
        if (input.charAt(pos) == '(') {
            pos++;
            params = params(start);
            skipSpaces();
            if (pos >= input.length()) {
                throw unterminated(start);
            }
            if (input.charAt(pos) != ':') {
                return new VariableSource.Typed(type, params, Optional.empty());
            }
        }
        pos++; // the ':'
        return new VariableSource.Typed(type, params, address(start));
    }

    private List<Template> params(int start) {
        List<Template> params = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= input.length()) {
                throw unterminated(start);
            }
            char c = input.charAt(pos);
            if (c == ')') {
                pos++;
                return params;
            }
            if (c == ',') {
                params.add(new Template(List.of(new Template.Text(""))));
                pos++;
                continue;
            }
            Template param;
            if (c == '\'' || c == '"') {
                param = new Template(List.of(new Template.Text(quoted(start))));
                skipSpaces();
            } else {
                param = raw(start, ")", "}");
            }
            if (pos >= input.length()) {
                throw unterminated(start);
            }
            params.add(param);
            if (input.charAt(pos) == ',') {
                pos++;
            } else if (input.charAt(pos) != ')') {
                throw error("unexpected '" + input.charAt(pos) + "' in the arguments of " + excerpt(start));
            }
        }
    }

    private Optional<Template> address(int start) {
        skipSpaces();
        if (pos >= input.length()) {
            throw unterminated(start);
        }
        char c = input.charAt(pos);
        if (c == '}' || c == ',') {
            return Optional.empty();
        }
        if (c == '\'' || c == '"') {
            String text = quoted(start);
            skipSpaces();
            if (pos >= input.length() || (input.charAt(pos) != '}' && input.charAt(pos) != ',')) {
                throw error("unexpected text after the quoted address in " + excerpt(start));
            }
            return Optional.of(new Template(List.of(new Template.Text(text))));
        }
        return Optional.of(raw(start, "}", null));
    }

    /**
     * Text up to a top-level {@code ,} or one of {@code ends}, with nested variables, trimmed.
     *
     * @param forbidden a character that may not appear (a {@code }} inside params), or null
     */
    private Template raw(int start, String ends, String forbidden) {
        List<Template.Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= input.length()) {
                throw unterminated(start);
            }
            char c = input.charAt(pos);
            if (c == ',' || ends.indexOf(c) >= 0) {
                break;
            }
            if (forbidden != null && forbidden.indexOf(c) >= 0) {
                throw error("unexpected '" + c + "' in the arguments of " + excerpt(start));
            }
            if (c == '$' && input.startsWith("${", pos)) {
                flush(text, pieces);
                pieces.add(new Template.Var(variable(true)));
                continue;
            }
            text.append(c);
            pos++;
        }
        flush(text, pieces);
        return trim(pieces);
    }

    /** A fallback source after a comma. */
    private VariableSource fallback(int start) {
        skipSpaces();
        if (pos >= input.length()) {
            throw unterminated(start);
        }
        char c = input.charAt(pos);
        if (input.startsWith("${", pos)) {
            return new VariableSource.Nested(variable(true));
        }
        if (c == '\'' || c == '"') {
            return new VariableSource.Literal(quoted(start));
        }
        int end = wordEnd(pos);
        if (end == pos) {
            throw error("unexpected '" + c + "' where a fallback source was expected in " + excerpt(start));
        }
        String word = input.substring(pos, end);
        pos = end;
        skipSpaces();
        if (pos < input.length() && (input.charAt(pos) == ':' || input.charAt(pos) == '(')) {
            if (!TYPE.matcher(word).matches()) {
                throw error("invalid variable source '" + word + "' in " + excerpt(start));
            }
            return typed(word, start);
        }
        return new VariableSource.Literal(literal(word, start));
    }

    private Object literal(String word, int start) {
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        if (HEX.matcher(word).matches()) {
            return Long.parseLong(word.substring(2), 16);
        }
        if (DECIMAL.matcher(word).matches()) {
            double value = Double.parseDouble(word);
            if (value == Math.rint(value) && Math.abs(value) < 9.007199254740992E15) {
                return (long) value;
            }
            return value;
        }
        throw error("invalid fallback " + word + " in " + excerpt(start) + "; write text fallbacks in quotes: '"
                + word + "'");
    }

    /** A quoted string at {@code pos}: single quotes take the text as is, double quotes follow JSON. */
    private String quoted(int start) {
        char quote = input.charAt(pos);
        int i = pos + 1;
        while (i < input.length() && input.charAt(i) != quote) {
            if (quote == '"' && input.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        if (i >= input.length()) {
            throw error("unterminated quoted string in " + excerpt(start));
        }
        String body = input.substring(pos, i + 1);
        pos = i + 1;
        if (quote == '\'') {
            return body.substring(1, body.length() - 1);
        }
        try {
            return JSON.readValue(body, String.class);
        } catch (JsonProcessingException e) {
            throw error("invalid string " + body + " in " + excerpt(start));
        }
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-') {
                break;
            }
            i++;
        }
        return i;
    }

    private void skipSpaces() {
        while (pos < input.length() && input.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static void flush(StringBuilder text, List<Template.Piece> pieces) {
        if (text.length() > 0) {
            pieces.add(new Template.Text(text.toString()));
            text.setLength(0);
        }
    }

    private static Template trim(List<Template.Piece> pieces) {
        List<Template.Piece> trimmed = new ArrayList<>(pieces);
        if (!trimmed.isEmpty() && trimmed.get(0) instanceof Template.Text first) {
            trimmed.set(0, new Template.Text(first.text().stripLeading()));
        }
        int last = trimmed.size() - 1;
        if (last >= 0 && trimmed.get(last) instanceof Template.Text end) {
            trimmed.set(last, new Template.Text(end.text().stripTrailing()));
        }
        trimmed.removeIf(piece -> piece instanceof Template.Text t && t.text().isEmpty());
        return new Template(trimmed);
    }

    private String excerpt(int start) {
        int close = input.indexOf('}', start);
        String text = close < 0 ? input.substring(start) : input.substring(start, close + 1);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private UserError unterminated(int start) {
        return error("unterminated variable " + excerpt(start) + ": add the closing }");
    }

    private UserError error(String message) {
        return new UserError(ref, "invalid variable syntax: " + message);
    }
}

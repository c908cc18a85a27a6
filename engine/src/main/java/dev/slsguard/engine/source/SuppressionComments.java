package dev.slsguard.engine.source;

import dev.slsguard.engine.model.SuppressionComment;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code # slsguard-ignore: RULE-ID reason} comments in a configuration file's text. The
 * {@code #} must start the line or follow a blank, as YAML comments do; the reason runs to the end
 * of the line or to a further comment ({@code  # ...}).
 */
public final class SuppressionComments {

    private static final Pattern COMMENT = Pattern.compile(
            "(?:^|\\s)(#\\s*slsguard-ignore:)[ \\t]*([A-Za-z0-9_.:-]*)[ \\t]*(.*)$");
    private static final Pattern FURTHER_COMMENT = Pattern.compile("\\s#(\\s|$)");

    private SuppressionComments() {
    }

    /** Every suppression comment of {@code text}, in line order; {@code file} names it in locations. */
    public static List<SuppressionComment> parse(String text, String file) {
        List<SuppressionComment> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int start = commentStart(lines.get(i));
            if (start < 0) {
                continue;
            }
            Matcher m = COMMENT.matcher(lines.get(i));
            if (!m.find(Math.max(0, start - 1)) || m.start(1) != start) {
                continue;
            }
            String reason = m.group(3);
            Matcher further = FURTHER_COMMENT.matcher(reason);
            if (further.find()) {
                reason = reason.substring(0, further.start());
            }
            if (reason.startsWith("#")) {
                reason = "";
            }
            int column = m.start(1) + 1;
            out.add(new SuppressionComment(m.group(2), reason.strip(),
                    new SourceRef(file, i + 1, column, "")));
        }
        return out;
    }

    /**
     * Where the line's comment starts, or -1: the first {@code #} at the line's start or after a
     * blank that is not inside a quoted scalar. A quote opens a scalar only where a scalar can
     * start (after {@code : - [ { , ?} or at the indentation), so the apostrophe of
     * {@code it's} in a plain scalar opens nothing. Quoted scalars spanning lines are not followed.
     */
    static int commentStart(String line) {
        char quote = 0;
        char previous = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    i++;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        quote = 0;
                        previous = c;
                    }
                }
                continue;
            }
            if ((c == '\'' || c == '"') && (previous == 0 || ":-[{,?".indexOf(previous) >= 0)) {
                quote = c;
                continue;
            }
            if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return -1;
    }
}

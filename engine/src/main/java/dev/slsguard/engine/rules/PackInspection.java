package dev.slsguard.engine.rules;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses, before compiling it, an org pack whose DRL text could end or fake the run: ending the
 * process ({@code System.exit}, {@code Runtime}), halting the session ({@code halt()}), starting
 * processes or threads, reflection and method handles (which reach all of these by name), and Unicode
 * escapes (which Java reads before anything else). Comments and the text of string literals are not
 * inspected, except for Unicode escapes, refused everywhere but in comments. This is a guard against mistakes and plain attempts, not a sandbox: a
 * pack is code and runs with slsguard's rights (docs/writing-rules.md, "A pack is code").
 */
final class PackInspection {

    private record Forbidden(Pattern pattern, String what) {
    }

    /** Java decodes Unicode escapes before anything else, in string literals too. */
    private static final Forbidden UNICODE_ESCAPE = forbid("\\\\u+[0-9a-fA-F]{4}", "a Unicode escape, which Java "
            + "reads before anything else; write the character itself");

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.\\s*exit\\b", "System.exit, which ends the process"),
            forbid("\\bexit\\s*\\(", "exit(), which ends the process"),
            forbid("\\bRuntime\\b", "Runtime, which can end the process or start programs"),
            forbid("\\bhalt\\s*\\(", "halt(), which stops the rule session and the other packs' rules with it"),
            forbid("\\bProcessBuilder\\b|\\bProcessHandle\\b", "ProcessBuilder/ProcessHandle, which start or end programs"),
            forbid("\\bThread\\b|\\bExecutors?\\b|\\bForkJoinPool\\b", "threads, which outlive the rule session"),
            forbid("\\bforName\\s*\\(|\\bgetDeclared\\w*\\s*\\(|\\bgetMethods?\\s*\\(|\\bjava\\s*\\.\\s*lang\\s*\\."
                    + "\\s*(reflect|invoke)\\b|\\bMethodHandles?\\b|\\bsetAccessible\\b|\\bUnsafe\\b|\\bClassLoader\\b",
                    "reflection, which reaches anything by name"),
            forbid("\\bSystem\\s*\\.\\s*set(Out|Err|In|Property|SecurityManager)\\b|\\bSystem\\s*\\.\\s*(load|loadLibrary)\\b",
                    "System settings, which change the whole run"),
            forbid("\\bjava\\s*\\.\\s*(io|nio)\\s*\\.|\\b(Files|Paths|File|FileWriter|FileOutputStream|FileInputStream"
                    + "|FileReader|RandomAccessFile|FileChannel|Socket|ServerSocket|DatagramSocket|URL|URLConnection"
                    + "|HttpURLConnection|HttpClient)\\b",
                    "files or the network, which a rule has no business with"));

    private PackInspection() {
    }

    private static Forbidden forbid(String regex, String what) {
        return new Forbidden(Pattern.compile(regex), what);
    }

    /** @throws UserError at the first forbidden construct of {@code file}, with its line and column */
    static void check(OrgPackFile file, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        String code = withoutComments(text, true);
        int first = Integer.MAX_VALUE;
        Forbidden found = null;
        Matcher escape = UNICODE_ESCAPE.pattern().matcher(withoutComments(text, false));
        if (escape.find()) {
            first = escape.start();
            found = UNICODE_ESCAPE;
        }
        for (Forbidden forbidden : FORBIDDEN) {
            Matcher m = forbidden.pattern().matcher(code);
            if (m.find() && m.start() < first) {
                first = m.start();
                found = forbidden;
            }
        }
        if (found != null) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < first; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new UserError(new SourceRef(file.displayName(), line, first - lineStart + 1, ""),
                    "rule pack refused: it uses " + found.what() + "; packs may only read facts and insert "
                            + "findings (see \"A pack is code\" in docs/writing-rules.md)");
        }
    }

    /**
     * The text with {@code //}, {@code #} line comments and block comments blanked (newlines kept,
     * so lines and columns stay), and the content of string literals too when {@code blankStrings}
     * (words in a rule's {@code @title} are not code).
     */
    static String withoutComments(String text, boolean blankStrings) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (blankStrings) {
                    blank(out, i + 1, Math.min(n, j));
                }
                i = Math.min(n, j + 1);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(out, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' || c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }
}

package dev.slsguard.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.json.JsJson;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.reports.BaselineStates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The findings a team has accepted ({@code --write-baseline}), so that only new ones fail a run
 * ({@code --baseline}). A finding's identity is its rule, its file and its logical location: the
 * JSON pointer with every list position replaced by a hash of that list item's content, so that a
 * statement or event keeps its identity when lines or items are added above it. Line numbers and
 * messages are not part of it.
 */
final class Baseline {

    static final int VERSION = 1;

    /** Largest baseline read (a baseline entry is about 150 bytes: some 400,000 findings). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = counts;
    }

    /** The baseline of these findings; {@code root} is the configuration they were found in. */
    static Baseline of(List<Finding> findings, Node root) {
        return of(findings, root, Optional.empty());
    }

    /** The baseline of the findings of {@code analysis}. */
    static Baseline of(List<Finding> findings, Analysis analysis) {
        return of(findings, analysis.source().root(), analysis.configuration());
    }

    /**
     * @param root     the configuration as written
     * @param resolved the configuration with its variables resolved: where a value of {@code root}
     *                 is a variable ({@code ${file(./role.yml)}}), list items below it are found here
     */
    static Baseline of(List<Finding> findings, Node root, Optional<? extends Node> resolved) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge(identity(f, root, resolved), 1, Integer::sum);
        }
        return new Baseline(counts);
    }

    /** This baseline and {@code other} together (several services checked at once). */
    Baseline plus(Baseline other) {
        Map<String, Integer> sum = new TreeMap<>(counts);
        other.counts.forEach((key, n) -> sum.merge(key, n, Integer::sum));
        return new Baseline(sum);
    }

    /** Reads a file written by {@link #bytes()}; {@code given} names it in errors, as the user wrote it. */
    static Baseline read(Path file, String given) {
        JsonNode tree;
        String text;
        try {
            text = InputFile.readText(file, given, MAX_BYTES);
        } catch (UserError e) {
            boolean missing = e.getCause() instanceof java.nio.file.NoSuchFileException;
            throw new CliError("--baseline " + given + ": " + (missing
                    ? "no such file (write one with --write-baseline)" : e.getMessage()), e);
        }
        try {
            tree = new ObjectMapper().readTree(text);
        } catch (StreamConstraintsException e) {
            throw new CliError("--baseline " + given + ": nested too deeply, or a string or number too long, "
                    + "for a slsguard baseline", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CliError("--baseline " + given + ": not valid JSON"
                    + (at != null && at.getLineNr() > 0 ? " at line " + at.getLineNr() : "")
                    + " (not a slsguard baseline)", e);
        }
        if (tree == null || tree.path("version").asInt() != VERSION || !tree.path("findings").isArray()) {
            throw new CliError("--baseline " + given + ": not a slsguard baseline (version " + VERSION + ")");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode entry : tree.get("findings")) {
            String key = entry.path("ruleId").asText() + "|" + entry.path("file").asText() + "|"
                    + entry.path("location").asText();
            counts.merge(key, Math.max(1, entry.path("count").asInt(1)), Integer::sum);
        }
        return new Baseline(counts);
    }

    /** The findings this baseline does not account for, in their order. */
    List<Finding> newFindings(List<Finding> findings, Node root) {
        return newFindings(findings, root, Optional.empty());
    }

    /** The findings of {@code analysis} this baseline does not account for, in their order. */
    List<Finding> newFindings(Analysis analysis) {
        return newFindings(analysis.findings(), analysis.source().root(), analysis.configuration());
    }

    private List<Finding> newFindings(List<Finding> findings, Node root, Optional<? extends Node> resolved) {
        Map<String, Integer> left = new TreeMap<>(counts);
        List<Finding> fresh = new ArrayList<>();
        for (Finding f : findings) {
            String key = identity(f, root, resolved);
            int n = left.getOrDefault(key, 0);
            if (n > 0) {
                left.put(key, n - 1);
            } else {
                fresh.add(f);
            }
        }
        return fresh;
    }

    /** The findings of this baseline that none of {@code analyses} has any more, in the baseline's order. */
    List<BaselineStates.Absent> absent(List<Analysis> analyses) {
        Map<String, Integer> left = new TreeMap<>(counts);
        for (Analysis analysis : analyses) {
            for (Finding f : analysis.findings()) {
                left.computeIfPresent(identity(f, analysis.source().root(), analysis.configuration()),
                        (key, n) -> n > 1 ? n - 1 : null);
            }
        }
        List<BaselineStates.Absent> gone = new ArrayList<>();
        left.forEach((key, n) -> {
            String[] parts = key.split("\\|", 3);
            for (int i = 0; i < n; i++) {
                gone.add(new BaselineStates.Absent(parts[0], parts[1], parts[2]));
            }
        });
        return gone;
    }

    /** The baseline as JSON text (sorted, same findings give same bytes). */
    byte[] bytes() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("findings");
        counts.forEach((key, count) -> {
            String[] parts = key.split("\\|", 3);
            list.addObject().put("ruleId", parts[0]).put("file", parts[1]).put("location", parts[2])
                    .put("count", count);
        });
        return (JsJson.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String identity(Finding f, Node root) {
        return identity(f, root, Optional.empty());
    }

    static String identity(Finding f, Node root, Optional<? extends Node> resolved) {
        String file = SourceRef.normalizeFile(f.location().file());
        return f.ruleId() + "|" + file + "|" + logicalPointer(f.location().pointer(), root, resolved);
    }

    /**
     * {@code /provider/iam/role/statements/0/Action} becomes {@code /provider/iam/role/statements/#3fa9…/Action}.
     * The items are read as written; below a value written as a variable (an included file, a
     * {@code ${self:}} reference), as resolved.
     */
    static String logicalPointer(String pointer, Node root, Optional<? extends Node> resolved) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Optional<Node> current = Optional.of(root);
        Optional<Node> value = resolved.map(Node.class::cast);
        for (String segment : pointer.substring(1).split("/", -1)) {
            Node node = current.orElse(null);
            if (node instanceof ScalarNode scalar && scalar.value() instanceof String text && text.contains("${")) {
                node = value.orElse(null); // a variable: what it brings in
            }
            String key = segment.replace("~1", "/").replace("~0", "~");
            if (node instanceof ListNode list && segment.matches("\\d{1,9}")
                    && Integer.parseInt(segment) < list.items().size()) {
                Node item = list.items().get(Integer.parseInt(segment));
                out.append("/#").append(hash(canonical(item)));
                current = Optional.of(item);
            } else {
                out.append('/').append(segment);
                current = node instanceof MapNode map ? map.get(key) : Optional.empty();
            }
            value = value.flatMap(v -> child(v, key));
        }
        return out.toString();
    }

    private static Optional<Node> child(Node node, String key) {
        if (node instanceof MapNode map) {
            return map.get(key);
        }
        if (node instanceof ListNode list && key.matches("\\d{1,9}") && Integer.parseInt(key) < list.items().size()) {
            return Optional.of(list.items().get(Integer.parseInt(key)));
        }
        return Optional.empty();
    }

    private static String canonical(Node node) {
        if (node instanceof MapNode map) {
            StringBuilder out = new StringBuilder("{");
            map.fields().forEach(f -> out.append(f.key().length()).append(':').append(f.key()).append('=')
                    .append(canonical(f.value())).append(';'));
            return out.append('}').toString();
        }
        if (node instanceof ListNode list) {
            StringBuilder out = new StringBuilder("[");
            list.items().forEach(i -> out.append(canonical(i)).append(';'));
            return out.append(']').toString();
        }
        Object value = ((ScalarNode) node).value();
        String text = String.valueOf(value);
        return text.length() + ":" + text;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

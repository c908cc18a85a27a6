package dev.slsguard.cli;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.engine.source.YamlLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds and reads {@code .slsguard.yml}: the first one in the service directory or a directory above
 * it, up to the repository root (the nearest directory holding {@code .git}); outside a repository
 * only the service directory is looked at. Mistakes are {@link UserError}s at the offending line.
 */
final class ProjectConfigReader {

    static final String FILE_NAME = ".slsguard.yml";

    private static final List<String> KEYS = List.of("rules", "disable", "severity", "fail-on", "baseline",
            "exclude", "unresolved", RulesLock.KEY, "cfn-lint");
    private static final List<String> CFN_LINT_KEYS = List.of("mode", "path", "image", "args", "timeout");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]*");

    private ProjectConfigReader() {
    }

    /** The nearest {@code .slsguard.yml} from {@code serviceDir} up to the repository root, if any. */
    static Optional<Path> find(Path serviceDir) {
        Path dir = serviceDir.toAbsolutePath().normalize();
        Optional<Path> root = RepositoryRoot.of(dir);
        while (dir != null) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.exists(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            if (root.isEmpty() || dir.equals(root.get())) {
                return Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * Reads the file.
     *
     * @param displayName how locations name the file
     */
    static ProjectConfig read(Path file, String displayName) {
        Node root = YamlLoader.loadFragment(file, displayName, Limits.DEFAULT).root();
        if (root instanceof ScalarNode scalar && scalar.value() == null) {
            return new ProjectConfig(Optional.of(file), List.of(), Set.of(), Map.of(), Optional.empty(),
                    Optional.empty(), List.of(), Map.of(), Optional.empty(), Optional.empty());
        }
        if (!(root instanceof MapNode map)) {
            throw new UserError(root.ref(), FILE_NAME + " must be a mapping of settings ("
                    + String.join(", ", KEYS) + "), not " + root.kind());
        }
        for (MapNode.Field field : map.fields()) {
            if (!KEYS.contains(field.key())) {
                throw new UserError(field.keyRef(), "unknown setting '" + field.key() + "' in " + FILE_NAME
                        + "; the settings are " + String.join(", ", KEYS));
            }
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        Map<String, SourceRef> references = new TreeMap<>();

        List<Path> rules = new ArrayList<>();
        for (ScalarNode item : strings(map, "rules")) {
            Path dir = base.resolve(item.text()).normalize();
            if (!Files.isDirectory(dir)) {
                throw new UserError(item.ref(), "rules: " + item.text() + " is not a directory (paths are "
                        + "relative to " + FILE_NAME + ")");
            }
            rules.add(dir);
        }

        Set<String> disable = new LinkedHashSet<>();
        for (ScalarNode item : strings(map, "disable")) {
            disable.add(ruleId(item));
            references.putIfAbsent(item.text(), item.ref());
        }

        Map<String, Severity> severity = new LinkedHashMap<>();
        Optional<Node> severityNode = map.get("severity");
        if (severityNode.isPresent() && !isNull(severityNode.get())) {
            if (!(severityNode.get() instanceof MapNode overrides)) {
                throw wrongType(severityNode.get(), "severity", "a mapping of rule id to error, warning or note");
            }
            for (MapNode.Field field : overrides.fields()) {
                String id = field.key();
                if (!RULE_ID.matcher(id).matches()) {
                    throw new UserError(field.keyRef(), "severity: '" + id + "' is not a rule id");
                }
                severity.put(id, severityValue(field.value()));
                references.putIfAbsent(id, field.keyRef());
            }
        }

        Optional<FailOn> failOn = optionalString(map, "fail-on").map(node -> {
            try {
                return FailOn.valueOf(node.text().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError(node.ref(), "fail-on: '" + node.text()
                        + "' is not one of error, warning, note, never");
            }
        });

        Optional<Path> baseline = optionalString(map, "baseline").map(node -> base.resolve(node.text()).normalize());

        List<String> exclude = new ArrayList<>();
        for (ScalarNode item : strings(map, "exclude")) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + item.text());
            } catch (IllegalArgumentException e) {
                throw new UserError(item.ref(), "exclude: '" + item.text() + "' is not a valid glob");
            }
            exclude.add(item.text());
        }
        Optional<Unresolved> unresolved = optionalString(map, "unresolved").map(node -> {
            try {
                return Unresolved.valueOf(node.text().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError(node.ref(), "unresolved: '" + node.text() + "' is not one of strict, placeholder");
            }
        });
        Optional<CfnLintSettings> cfnLint = map.get("cfn-lint").filter(node -> !isNull(node))
                .map(node -> cfnLint(node, base));
        return new ProjectConfig(Optional.of(file), rules, disable, severity, failOn, baseline, exclude,
                references, unresolved, cfnLint);
    }

    /**
     * {@code cfn-lint: auto} (or local, container, off), or a mapping: {@code mode}, {@code path} (the
     * executable; a path with a slash is relative to this file, a bare name is looked up on the PATH),
     * {@code image}, {@code args} (a list of strings) and {@code timeout} (seconds).
     */
    private static CfnLintSettings cfnLint(Node node, Path base) {
        CfnLintSettings settings = CfnLintSettings.DEFAULT.withMode(CfnLintSettings.Mode.AUTO);
        if (node instanceof ScalarNode scalar && scalar.isString()) {
            return settings.withMode(mode(scalar));
        }
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Boolean on) {
            return settings.withMode(on ? CfnLintSettings.Mode.AUTO : CfnLintSettings.Mode.OFF);
        }
        if (!(node instanceof MapNode map)) {
            throw wrongType(node, "cfn-lint", "auto, local, container, off or a mapping ("
                    + String.join(", ", CFN_LINT_KEYS) + ")");
        }
        for (MapNode.Field field : map.fields()) {
            if (!CFN_LINT_KEYS.contains(field.key())) {
                throw new UserError(field.keyRef(), "unknown setting 'cfn-lint." + field.key() + "' in " + FILE_NAME
                        + "; cfn-lint takes " + String.join(", ", CFN_LINT_KEYS));
            }
        }
        CfnLintSettings.Mode mode = optionalString(map, "mode").map(ProjectConfigReader::mode)
                .orElse(CfnLintSettings.Mode.AUTO);
        Optional<String> executable = optionalString(map, "path").map(ScalarNode::text)
                .map(path -> path.contains("/") || path.contains("\\") ? base.resolve(path).normalize().toString() : path);
        Optional<String> image = optionalString(map, "image").map(ScalarNode::text);
        List<String> args = strings(map, "args").stream().map(ScalarNode::text).toList();
        java.time.Duration timeout = CfnLintSettings.DEFAULT_TIMEOUT;
        Optional<Node> timeoutNode = map.get("timeout").filter(n -> !isNull(n));
        if (timeoutNode.isPresent()) {
            if (!(timeoutNode.get() instanceof ScalarNode scalar) || !(scalar.value() instanceof Number seconds)
                    || seconds.doubleValue() <= 0 || seconds.doubleValue() > 86_400) {
                throw wrongType(timeoutNode.get(), "cfn-lint.timeout", "a number of seconds (1 to 86400)");
            }
            timeout = java.time.Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
        }
        return new CfnLintSettings(mode, executable, image, args, timeout);
    }

    private static CfnLintSettings.Mode mode(ScalarNode node) {
        return CfnLintSettings.Mode.parse(node.text()).orElseThrow(() -> new UserError(node.ref(),
                "cfn-lint: '" + node.text() + "' is not one of auto, local, container, off"));
    }

    private static Severity severityValue(Node value) {
        if (value instanceof ScalarNode scalar && scalar.isString()) {
            String text = scalar.text().trim().toLowerCase(Locale.ROOT);
            if (text.equals("error") || text.equals("warning") || text.equals("note")) {
                return Severity.parse(text);
            }
        }
        throw new UserError(value.ref(), "severity: expected error, warning or note, not "
                + (value instanceof ScalarNode s ? "'" + s.text() + "'" : value.kind()));
    }

    private static String ruleId(ScalarNode item) {
        if (!RULE_ID.matcher(item.text()).matches()) {
            throw new UserError(item.ref(), "disable: '" + item.text() + "' is not a rule id");
        }
        return item.text();
    }

    /** A list of non-empty strings; a missing or null key is an empty list. */
    private static List<ScalarNode> strings(MapNode map, String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || isNull(node.get())) {
            return List.of();
        }
        if (!(node.get() instanceof ListNode list)) {
            throw wrongType(node.get(), key, "a list of strings");
        }
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof ScalarNode scalar) || !scalar.isString() || scalar.text().isBlank()) {
                throw wrongType(item, key, "a list of strings");
            }
            out.add(scalar);
        }
        return out;
    }

    private static Optional<ScalarNode> optionalString(MapNode map, String key) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty() || isNull(node.get())) {
            return Optional.empty();
        }
        if (!(node.get() instanceof ScalarNode scalar) || !scalar.isString() || scalar.text().isBlank()) {
            throw wrongType(node.get(), key, "a string");
        }
        return Optional.of(scalar);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.value() == null;
    }

    private static UserError wrongType(Node node, String key, String expected) {
        return new UserError(node.ref(), key + ": expected " + expected + ", not " + node.kind());
    }
}

package dev.slsguard.rules.least_privilege;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.rules.Risk;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.rules.TestPipeline;
import dev.slsguard.rules.iam.IamAction;
import dev.slsguard.rules.iam.IamCatalog;
import dev.slsguard.rules.iam.ResourceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A wider grant never gets fewer or milder security findings than a narrower one (issue 12).
 * Generates pairs of Allow statements from the IAM action data, the second granting a superset of
 * the first (more actions, an action widened to a pattern, {@code svc:*} or {@code *}, more
 * resources, a resource widened to a wildcard ARN or {@code *}), checks each in a service of its own
 * through the whole pipeline, and asserts that
 * <ul>
 *   <li>the highest {@code security-severity} of the wider one's findings is at least the
 *       narrower one's, and</li>
 *   <li>every security rule that reports the narrower one reports the wider one too, or is covered
 *       by a rule that reports the same harm of a wider grant once (the documented "reported once"
 *       pairs below).</li>
 * </ul>
 */
class MonotoneGrantsPropertyTest {

    /** Services whose actions are most often granted by hand, drawn more often than the rest of the catalogue. */
    private static final List<String> COMMON = List.of("s3", "dynamodb", "sqs", "sns", "kms", "secretsmanager",
            "ssm", "iam", "lambda", "kinesis", "logs", "sts", "ec2", "events", "states", "ecr", "rds");

    /**
     * A rule reporting a wider grant once in place of the narrower rules' findings: {@code *} on
     * {@code *} (SLS-IAM-002) covers every least-privilege rule; {@code Action: "*"} on named resources
     * (SLS-IAM-001, ranked above all of them) the per-action ones; {@code Resource: "*"} (SLS-IAM-101)
     * the wildcard ARN that is as wide (SLS-IAM-104); {@code svc:*} (SLS-IAM-102) a narrower pattern
     * (SLS-IAM-103).
     */
    private static final Map<String, Set<String>> COVERS = Map.of(
            "SLS-IAM-001", Set.of("SLS-IAM-003", "SLS-IAM-101", "SLS-IAM-102", "SLS-IAM-103", "SLS-IAM-104",
                    "SLS-IAM-107", "SLS-IAM-108", "SLS-IAM-109", "SLS-IAM-110"),
            "SLS-IAM-101", Set.of("SLS-IAM-104"),
            "SLS-IAM-102", Set.of("SLS-IAM-103"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private static Map<String, Risk> risks;
    private static Path dir;
    private static final Map<String, Set<String>> CHECKED = new ConcurrentHashMap<>();

    @BeforeContainer
    static void load() throws IOException {
        risks = new HashMap<>();
        for (RuleInfo rule : TestPipeline.rules().rules()) {
            rule.securityRisk().ifPresent(r -> risks.put(rule.id(), r));
        }
        dir = Files.createTempDirectory("slsguard-monotone");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A statement: its Action and Resource entries as written. */
    record Statement(List<String> actions, List<String> resources) {

        String yaml() {
            return "        - Effect: Allow\n          Action: " + flow(actions) + "\n          Resource: "
                    + flow(resources) + "\n";
        }

        private static String flow(List<String> items) {
            return items.stream().map(i -> "'" + i.replace("'", "''") + "'")
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        @Override
        public String toString() {
            return "Action " + actions + " on " + resources;
        }
    }

    /** A narrower statement and a wider one, with the widening steps that lead from one to the other. */
    record Pair(Statement narrow, Statement wide, List<String> steps) {

        @Override
        public String toString() {
            return narrow + "  ⊂  " + wide + "  (" + String.join("; ", steps) + ")";
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        return Arbitraries.randomValue(MonotoneGrantsPropertyTest::pair);
    }

    @Property(tries = 1000, seed = "20261207")
    void aWiderGrantNeverGetsFewerOrMilderFindings(@ForAll("pairs") Pair pair) {
        Set<String> narrow = check(pair.narrow());
        Set<String> wide = check(pair.wide());

        assertTrue(top(wide) >= top(narrow), () -> "the wider grant is ranked lower: " + pair + "\n  narrower: "
                + narrow + "\n  wider: " + wide);

        Set<String> covered = new TreeSet<>(wide);
        for (String id : wide) {
            covered.addAll(COVERS.getOrDefault(id, Set.of()));
            if (id.equals("SLS-IAM-002")) {
                risks.keySet().stream().filter(r -> r.startsWith("SLS-IAM-")).forEach(covered::add);
            }
        }
        Set<String> lost = new TreeSet<>(narrow);
        lost.removeAll(covered);
        assertTrue(lost.isEmpty(), () -> "the wider grant lost " + lost + ": " + pair + "\n  narrower: " + narrow
                + "\n  wider: " + wide);
    }

    private static double top(Collection<String> ids) {
        return ids.stream().mapToDouble(id -> Double.parseDouble(risks.get(id).score())).max().orElse(0);
    }

    /** The security rules reporting the statement, in a service of its own (cached: pairs share statements). */
    private static Set<String> check(Statement statement) {
        return CHECKED.computeIfAbsent(statement.yaml(), yaml -> {
            try {
                Path service = Files.createTempDirectory(dir, "svc");
                Path file = service.resolve("serverless.yml");
                Files.writeString(file, """
                        service: monotone
                        frameworkVersion: '3'
                        provider:
                          name: aws
                          runtime: nodejs20.x
                          iam:
                            role:
                              statements:
                        """ + yaml + """
                        functions:
                          worker:
                            handler: handler.main
                        """);
                List<Finding> findings = TestPipeline.analyse(file).findings();
                return findings.stream().map(Finding::ruleId).filter(risks::containsKey)
                        .collect(Collectors.toCollection(TreeSet::new));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // ---------------------------------------------------------------- generation

    private static Pair pair(Random random) {
        List<String> actions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            actions.add(actionText(randomAction(random), random));
        }
        List<String> resources = new ArrayList<>();
        int resourceCount = 1 + random.nextInt(2);
        for (int i = 0; i < resourceCount; i++) {
            resources.add(resourceFor(randomAction(random, actions), random));
        }
        Statement narrow = new Statement(distinct(actions), distinct(resources));

        List<String> wideActions = new ArrayList<>(narrow.actions());
        List<String> wideResources = new ArrayList<>(narrow.resources());
        List<String> steps = new ArrayList<>();
        int widenings = 1 + random.nextInt(3);
        for (int i = 0; i < widenings; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    String added = actionText(randomAction(random), random);
                    wideActions.add(added);
                    steps.add("add action " + added);
                }
                case 1 -> {
                    int at = random.nextInt(wideActions.size());
                    String before = wideActions.get(at);
                    String after = widerAction(before);
                    wideActions.set(at, after);
                    steps.add("widen " + before + " to " + after);
                }
                case 2 -> {
                    String added = resourceFor(randomAction(random, wideActions), random);
                    wideResources.add(added);
                    steps.add("add resource " + added);
                }
                default -> {
                    int at = random.nextInt(wideResources.size());
                    String before = wideResources.get(at);
                    String after = widerResource(before);
                    wideResources.set(at, after);
                    steps.add("widen " + before + " to " + after);
                }
            }
        }
        return new Pair(narrow, new Statement(distinct(wideActions), distinct(wideResources)), steps);
    }

    private static List<String> distinct(List<String> items) {
        return items.stream().distinct().toList();
    }

    private static IamAction randomAction(Random random) {
        IamCatalog catalog = IamCatalog.builtIn();
        List<String> services = catalog.services();
        String service = random.nextInt(4) < 3 ? COMMON.get(random.nextInt(COMMON.size()))
                : services.get(random.nextInt(services.size()));
        List<IamAction> actions = catalog.actionsOf(service);
        return actions.get(random.nextInt(actions.size()));
    }

    /** An action one of {@code texts} grants, to take a resource for (any action when they grant none). */
    private static IamAction randomAction(Random random, List<String> texts) {
        String text = texts.get(random.nextInt(texts.size()));
        List<IamAction> granted = text.equals("*") ? List.of() : IamCatalog.builtIn().expand(text);
        return granted.isEmpty() ? randomAction(random) : granted.get(random.nextInt(granted.size()));
    }

    /** The action by name, or a pattern granting it: its verb ({@code s3:Get*}) or its service ({@code s3:*}). */
    private static String actionText(IamAction action, Random random) {
        int form = random.nextInt(10);
        if (form < 7) {
            return action.fullName();
        }
        return form < 9 ? verbPattern(action.fullName()) : action.service() + ":*";
    }

    /** {@code s3:GetObject} to {@code s3:Get*}, {@code s3:Get*} to {@code s3:*}, {@code s3:*} to {@code *}. */
    private static String widerAction(String text) {
        if (text.equals("*") || text.endsWith(":*")) {
            return "*";
        }
        if (text.endsWith("*")) {
            return text.substring(0, text.indexOf(':')) + ":*";
        }
        return verbPattern(text);
    }

    private static String verbPattern(String fullName) {
        int colon = fullName.indexOf(':');
        String name = fullName.substring(colon + 1);
        int end = 1;
        while (end < name.length() && !Character.isUpperCase(name.charAt(end))) {
            end++;
        }
        return fullName.substring(0, colon + 1) + name.substring(0, end) + "*";
    }

    /** A resource for the action: a named ARN of one of its types, a wildcard ARN covering the type, or {@code *}. */
    private static String resourceFor(IamAction action, Random random) {
        Optional<ResourceType> type = action.resourceTypes().isEmpty() ? Optional.empty()
                : Optional.of(action.resourceTypes().get(random.nextInt(action.resourceTypes().size())));
        int form = random.nextInt(10);
        if (type.isEmpty() || type.get().arnFormats().isEmpty() || form < 3) {
            return "*";
        }
        String format = type.get().arnFormat();
        return form < 7 ? named(format) : wildcard(format);
    }

    /**
     * A named ARN to the wildcard ARN of its shape ({@code arn:aws:s3:::example-bucketname} to
     * {@code arn:aws:s3:::*}), a wildcard ARN to {@code *}: each covers what it replaces.
     */
    private static String widerResource(String arn) {
        if (arn.contains("*")) {
            return "*";
        }
        return arn.replaceAll("example-[a-z0-9]+", "*").replace(":us-east-1:", ":*:").replace(":123456789012:", ":*:");
    }

    /** The ARN format with its placeholders filled: {@code arn:aws:s3:::example-bucketname}. */
    private static String named(String format) {
        Matcher m = PLACEHOLDER.matcher(format.replace("${Partition}", "aws").replace("${Region}", "us-east-1")
                .replace("${Account}", "123456789012"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "example-" + m.group(1).toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }

    /** The ARN format with {@code *} for every placeholder but the partition: it covers every resource of the type. */
    private static String wildcard(String format) {
        return PLACEHOLDER.matcher(format.replace("${Partition}", "aws")).replaceAll("*");
    }
}

package dev.slsguard.reports;

import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.NotAnalysed;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.model.SuppressedFinding;
import dev.slsguard.engine.model.SuppressionComment;
import dev.slsguard.engine.rules.Risk;
import dev.slsguard.engine.rules.RuleInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for an {@link Analysis}, with what GitHub code scanning reads: every rule of the rule
 * base (sorted by id) with its metadata (security rules with the {@code security-severity} of their
 * risk), one result per finding with a
 * {@code ruleIndex}, a repository-relative location under {@code %SRCROOT%} and a partial fingerprint.
 * The output holds no timestamps and no absolute paths of relative inputs: same analysis, same bytes.
 */
public final class SarifReport {

    /** The key of our fingerprint in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "slsguard/v1";
    /** GitHub's own fingerprint key, which it would otherwise compute from the file at upload. */
    public static final String LINE_HASH_KEY = "primaryLocationLineHash";
    /** The base every relative artifact URI is resolved against: the directory slsguard ran in. */
    public static final String SRCROOT = "%SRCROOT%";

    private static final Set<Class<?>> LEVEL_OWNERS = Set.of(Result.class, ReportingConfiguration.class);

    static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");

    /** The tag that makes GitHub show a rule's results as security alerts. */
    private static final String SECURITY_TAG = "security";
    /**
     * A tag that sets the security severity of an org rule without {@code @risk}, e.g.
     * {@code security-severity:9.1} (ignored when the rule names its risk).
     */
    private static final String SECURITY_SEVERITY_TAG = "security-severity:";
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    private static final Pattern SCORE = Pattern.compile("^(10(\\.0)?|[0-9](\\.[0-9])?)$");

    /**
     * java-sarif marks its classes {@code @JsonInclude(NON_DEFAULT)}, so schema defaults (rank -1,
     * kind "fail", index -1 ...) stay out of the output. A {@code level} equal to the default
     * ("warning") would vanish too; we always write it, as code scanning shows it.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
                    if (annotated instanceof AnnotatedMember member
                            && LEVEL_OWNERS.contains(member.getDeclaringClass())
                            && (member.getName().equals("level") || member.getName().equals("getLevel"))) {
                        return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
                    }
                    return super.findPropertyInclusion(annotated);
                }
            })
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The classes of java-sarif's model this report writes (their JSON writers are built by {@link #prepare}). */
    private static final List<Class<?>> MODEL = List.of(SarifSchema210.class, Run.class, Tool.class,
            ToolComponent.class, ReportingDescriptor.class, ReportingConfiguration.class, MultiformatMessageString.class,
            PropertyBag.class, Result.class, Message.class, Location.class, PhysicalLocation.class,
            ArtifactLocation.class, ArtifactContent.class, Region.class, PartialFingerprints.class, Suppression.class,
            Invocation.class, Notification.class, RunAutomationDetails.class, OriginalUriBaseIds.class);

    private SarifReport() {
    }

    /**
     * Builds Jackson's writers of the SARIF model ahead of the first report: their cold start (bean
     * introspection) is most of the time a small report takes, and can run on another thread while
     * the rules run. Any thread, any number of times; the report is the same without it.
     */
    public static void prepare() {
        SerializerProvider provider = MAPPER.getSerializerProviderInstance();
        for (Class<?> type : MODEL) {
            try {
                provider.findValueSerializer(type);
            } catch (JsonMappingException e) {
                return; // render reports it
            }
        }
    }

    /** The SARIF log as text (two-space indent, trailing newline). */
    public static String render(Analysis analysis, ToolInfo tool) {
        return new String(bytes(analysis, tool), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(Analysis analysis, ToolInfo tool) {
        return written(List.of(analysis), tool, settings(analysis).withLimits(MAX_RESULTS,
                SarifSettings.GITHUB_MAX_GZIP_BYTES), List.of(), Optional.empty()).bytes();
    }

    /** The SARIF log as a JSON tree. */
    public static JsonNode tree(Analysis analysis, ToolInfo tool) {
        return tree(analysis, tool, MAX_RESULTS);
    }

    static JsonNode tree(Analysis analysis, ToolInfo tool, int maxResults) {
        return tree(List.of(analysis), tool, settings(analysis).withLimits(maxResults,
                SarifSettings.GITHUB_MAX_GZIP_BYTES));
    }

    /** The most results GitHub code scanning accepts in one upload. */
    public static final int MAX_RESULTS = SarifSettings.GITHUB_MAX_RESULTS;

    /** The SARIF log in the java-sarif object model. */
    public static SarifSchema210 log(Analysis analysis, ToolInfo tool) {
        return log(analysis, tool, MAX_RESULTS);
    }

    /** The log with at most {@code maxResults} results; a notification says how many were left out. */
    static SarifSchema210 log(Analysis analysis, ToolInfo tool, int maxResults) {
        return log(List.of(analysis), tool, settings(analysis), maxResults, RESULT_LIMIT, List.of(), Optional.empty());
    }

    /** One service's settings: GitHub's limits, its file name as the automation id. */
    public static SarifSettings settings(Analysis analysis) {
        return SarifSettings.github("slsguard/" + SourceRef.normalizeFile(analysis.source().displayName()) + "/");
    }

    /**
     * Several services checked at once as ONE run: every service's results, the union of their rules.
     *
     * @param automationId the run's {@code automationDetails.id}, the same every time these services
     *                     are checked together (e.g. {@code slsguard/services/} for a recursive check)
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, String automationId) {
        return render(analyses, tool, SarifSettings.github(automationId));
    }

    public static String render(List<Analysis> analyses, ToolInfo tool, SarifSettings settings) {
        return render(analyses, tool, settings, List.of());
    }

    /**
     * Several services, some of which were not analysed: each of those is a tool execution
     * notification at its location (level error, or note for a skipped service), and an error
     * marks the invocation as not successful.
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, SarifSettings settings,
                                List<NotAnalysed> notAnalysed) {
        return render(analyses, tool, settings, notAnalysed, Optional.empty());
    }

    /**
     * As above, compared with a baseline: every result has its {@code baselineState} ({@code new} or
     * {@code unchanged}), and each finding of the baseline that no longer occurs is a result of
     * state {@code absent} at its file.
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, SarifSettings settings,
                                List<NotAnalysed> notAnalysed, Optional<BaselineStates> baseline) {
        return new String(bytes(analyses, tool, settings, notAnalysed, baseline), StandardCharsets.UTF_8);
    }

    /** The log {@link #render(List, ToolInfo, SarifSettings, List, Optional)} gives, as UTF-8 bytes. */
    public static byte[] bytes(List<Analysis> analyses, ToolInfo tool, SarifSettings settings,
                               List<NotAnalysed> notAnalysed, Optional<BaselineStates> baseline) {
        return written(analyses, tool, settings, notAnalysed, baseline).bytes();
    }

    private static final String RESULT_LIMIT = "GitHub code scanning accepts at most %d results per upload";
    private static final String SIZE_LIMIT = "GitHub code scanning accepts at most %d bytes of gzipped SARIF "
            + "per upload";

    /**
     * The log within both limits of {@code settings}: at most {@code maxResults} results, then, while
     * the gzipped text is larger than {@code maxGzipBytes}, fewer (the last in {@link FindingOrder} go
     * first); a tool notification says how many were left out and why.
     */
    static JsonNode tree(List<Analysis> analyses, ToolInfo tool, SarifSettings settings) {
        return written(analyses, tool, settings, List.of(), Optional.empty()).tree();
    }

    /** The log as a tree and as the text written from it (written once: the size check needs it too). */
    private record Written(JsonNode tree, byte[] bytes) {
    }

    private static Written written(List<Analysis> analyses, ToolInfo tool, SarifSettings settings,
                                   List<NotAnalysed> notAnalysed, Optional<BaselineStates> baseline) {
        JsonNode tree = MAPPER.valueToTree(log(analyses, tool, settings, settings.maxResults(), RESULT_LIMIT,
                notAnalysed, baseline));
        byte[] text = JsonText.bytes(tree);
        long size = gzipSize(text, settings.maxGzipBytes());
        int kept = tree.at("/runs/0/results").size();
        while (size > settings.maxGzipBytes() && kept > 0) {
            int fewer = (int) Math.min(kept - 1L, (long) (kept * ((double) settings.maxGzipBytes() / size) * 0.9));
            kept = Math.max(0, fewer);
            tree = MAPPER.valueToTree(log(analyses, tool, settings, kept,
                    String.format(Locale.ROOT, SIZE_LIMIT, settings.maxGzipBytes()), notAnalysed, baseline));
            text = JsonText.bytes(tree);
            size = gzipSize(text, settings.maxGzipBytes());
        }
        return new Written(tree, text);
    }

    /**
     * The gzipped size of {@code text}, or its UTF-8 size when that already shows it fits: zlib's
     * deflateBound is n + n/4096 + n/16384 + 13 bytes, and gzip's frame adds 18, so a text with
     * n + n/3000 + 64 bytes within {@code limit} fits without compressing it.
     */
    static long gzipSize(String text, long limit) {
        return gzipSize(text.getBytes(StandardCharsets.UTF_8), limit);
    }

    static long gzipSize(byte[] text, long limit) {
        long raw = text.length;
        if (raw + raw / 3000 + 64 <= limit) {
            return raw;
        }
        return gzipSize(text);
    }

    private static long gzipSize(byte[] text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }

    private static SarifSchema210 log(List<Analysis> analyses, ToolInfo tool, SarifSettings settings,
                                      int maxResults, String limitReason, List<NotAnalysed> notAnalysed,
                                      Optional<BaselineStates> baseline) {
        Map<Finding, SuppressedFinding> suppressedBy = new HashMap<>();
        List<Finding> all = new ArrayList<>();
        List<RuleInfo> known = new ArrayList<>();
        Map<String, List<String>> linesByFile = new HashMap<>();
        for (Analysis analysis : analyses) {
            all.addAll(analysis.findings());
            for (SuppressedFinding s : analysis.suppressed()) {
                suppressedBy.putIfAbsent(s.finding(), s);
                all.add(s.finding());
            }
            known.addAll(analysis.rules());
            analysis.texts().forEach((file, text) -> linesByFile.putIfAbsent(file, text.lines().toList()));
        }
        List<Finding> findings = FindingOrder.sorted(all);
        List<RuleInfo> rules = rulesFor(known, findings);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }

        ToolComponent driver = new ToolComponent()
                .withName(tool.name())
                .withVersion(tool.version())
                .withSemanticVersion(tool.version())
                .withInformationUri(URI.create(tool.informationUri()))
                .withRules(descriptors(rules));

        List<Result> results = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
                for (Finding f : findings) {
            List<String> lines = linesByFile.getOrDefault(SourceRef.normalizeFile(f.location().file()), List.of());
            String lineHash = lineHash(f, lines, occurrences);
            if (results.size() >= maxResults) {
                continue;
            }
            Result result = result(f, ruleIndex.get(f.ruleId()), settings);
            baseline.ifPresent(b -> result.setBaselineState(b.isNew(f) ? Result.BaselineState.NEW
                    : Result.BaselineState.UNCHANGED));
            result.getPartialFingerprints().setAdditionalProperty(LINE_HASH_KEY, lineHash);
            if (!f.related().isEmpty()) {
                Set<Location> related = new LinkedHashSet<>();
                int id = 1;
                for (RelatedLocation r : f.related()) {
                    related.add(new Location().withId(id++).withMessage(new Message().withText(r.label()))
                            .withPhysicalLocation(new PhysicalLocation()
                                    .withArtifactLocation(artifact(r.ref().file(), settings))
                                    .withRegion(new Region().withStartLine(Math.max(1, r.ref().line()))
                                            .withStartColumn(Math.max(1, r.ref().column())))));
                }
                result.setRelatedLocations(related);
            }
            if (f.location().line() >= 1 && f.location().line() <= lines.size()) {
                String line = lines.get(f.location().line() - 1);
                Region region = result.getLocations().get(0).getPhysicalLocation().getRegion();
                region.setEndLine(region.getStartLine());
                region.setEndColumn(Math.max(region.getStartColumn(), line.codePointCount(0, line.length()) + 1));
                region.setSnippet(new ArtifactContent().withText(line));
            }
            SuppressedFinding suppressed = suppressedBy.get(f);
            if (suppressed != null) {
                result.setSuppressions(Set.of(suppression(suppressed.comment(), settings)));
            }
            results.add(result);
        }

        baseline.ifPresent(b -> b.absent().forEach(gone -> results.add(absent(gone, ruleIndex, settings))));

        OriginalUriBaseIds bases = new OriginalUriBaseIds();
        bases.setAdditionalProperty(SRCROOT, new ArtifactLocation().withDescription(
                new Message().withText("The repository root (or the directory given with --sarif-root).")));

        Invocation invocation = new Invocation()
                .withExecutionSuccessful(notAnalysed.stream().allMatch(NotAnalysed::skipped));
        List<Notification> notifications = new ArrayList<>();
        if (findings.size() > results.size()) {
            notifications.add(new Notification()
                    .withLevel(Notification.Level.WARNING)
                    .withMessage(new Message().withText((findings.size() - results.size()) + " of "
                            + findings.size() + " results were left out: "
                            + String.format(Locale.ROOT, limitReason, maxResults)
                            + ". The text and JSON reports list them all.")));
        }
        for (NotAnalysed service : notAnalysed) {
            SourceRef at = service.location();
            notifications.add(new Notification()
                    .withLevel(service.skipped() ? Notification.Level.NOTE : Notification.Level.ERROR)
                    .withMessage(new Message().withText((service.skipped() ? "Service skipped: "
                            : "Service not analysed: ") + service.message()))
                    .withLocations(Set.of(new Location().withPhysicalLocation(new PhysicalLocation()
                            .withArtifactLocation(artifact(at.file(), settings))
                            .withRegion(new Region().withStartLine(Math.max(1, at.line()))
                                    .withStartColumn(Math.max(1, at.column())))))));
        }
        if (!notifications.isEmpty()) {
            invocation.setToolExecutionNotifications(notifications);
        }
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation))
                .withAutomationDetails(new RunAutomationDetails().withId(settings.automationId()))
                .withOriginalUriBaseIds(bases)
                .withResults(results)
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS);
        return new SarifSchema210()
                .with$schema(SCHEMA)
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /**
     * The rule base sorted by id, plus a plain descriptor for any finding whose rule the rule base
     * does not list, so that every result has a valid {@code ruleIndex}.
     */
    static List<RuleInfo> rulesFor(List<RuleInfo> known, List<Finding> findings) {
        Map<String, RuleInfo> byId = new TreeMap<>();
        for (RuleInfo rule : known) {
            byId.putIfAbsent(rule.id(), rule);
        }
        for (Finding f : findings) {
            byId.computeIfAbsent(f.ruleId(), id -> new RuleInfo(id, f.severity(), id, id, "", List.of(), "", id));
        }
        return List.copyOf(byId.values());
    }

    private static LinkedHashSet<ReportingDescriptor> descriptors(List<RuleInfo> rules) {
        LinkedHashSet<ReportingDescriptor> out = new LinkedHashSet<>();
        rules.stream().sorted(Comparator.comparing(RuleInfo::id)).forEach(rule -> out.add(descriptor(rule)));
        return out;
    }

    static ReportingDescriptor descriptor(RuleInfo rule) {
        String title = text(rule.title(), rule.id());
        String description = text(rule.description(), title);
        String help = rule.help() == null ? "" : rule.help().trim();
        boolean helpIsUrl = URL.matcher(help).matches();

        ReportingDescriptor descriptor = new ReportingDescriptor()
                .withId(rule.id())
                .withName(camelCase(title, rule.id()))
                .withShortDescription(new MultiformatMessageString().withText(title))
                .withFullDescription(new MultiformatMessageString().withText(description))
                .withHelp(help(description, help, helpIsUrl))
                .withDefaultConfiguration(defaultConfiguration(rule.severity()));
        if (helpIsUrl) {
            descriptor.setHelpUri(URI.create(help));
        }

        PropertyBag properties = new PropertyBag();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        // a security rule's score comes from its @risk; an org pack without one may still set it by tag
        String securitySeverity = rule.securityRisk().map(Risk::score).orElse(null);
        for (String tag : rule.tags()) {
            if (tag.startsWith(SECURITY_SEVERITY_TAG)) {
                String score = tag.substring(SECURITY_SEVERITY_TAG.length()).trim();
                if (securitySeverity == null && SCORE.matcher(score).matches()) {
                    securitySeverity = score.contains(".") ? score : score + ".0";
                }
            } else if (!tag.isBlank()) {
                tags.add(tag);
            }
        }
        if (securitySeverity != null) {
            // GitHub lists a result as a security alert, ranked by the score, when its rule has this tag
            tags.add(SECURITY_TAG);
        }
        if (!tags.isEmpty()) {
            properties.setTags(tags);
        }
        properties.setAdditionalProperty("precision", "very-high");
        if (securitySeverity != null) {
            properties.setAdditionalProperty("security-severity", securitySeverity);
        }
        descriptor.setProperties(properties);
        return descriptor;
    }

    private static MultiformatMessageString help(String description, String help, boolean helpIsUrl) {
        if (help.isEmpty()) {
            return new MultiformatMessageString().withText(description).withMarkdown(description);
        }
        if (helpIsUrl) {
            return new MultiformatMessageString()
                    .withText(description + "\n\nSee " + help)
                    .withMarkdown(description + "\n\nSee [" + help + "](" + help + ").");
        }
        return new MultiformatMessageString()
                .withText(description + "\n\n" + help)
                .withMarkdown(description + "\n\n" + help);
    }

    private static ReportingConfiguration defaultConfiguration(Severity severity) {
        return new ReportingConfiguration().withLevel(ReportingConfiguration.Level.fromValue(severity.label()));
    }

    /**
     * GitHub's {@code primaryLocationLineHash}: a hash of the rule and the finding's line with all
     * white space removed, then {@code :n} for the n-th finding of that rule on such a line in the
     * file. Lines inserted or removed elsewhere leave it unchanged. Without the line's text (another
     * file), the node's JSON pointer stands in for it.
     */
    /** What a line hash leaves out of its line (compiled once: a hash is made for every finding). */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    static String lineHash(Finding f, List<String> lines, Map<String, Integer> occurrences) {
        int line = f.location().line();
        String content = line >= 1 && line <= lines.size() ? WHITESPACE.matcher(lines.get(line - 1)).replaceAll("")
                : "#" + f.location().pointer();
        String key = f.ruleId() + "\n" + content;
        int n = occurrences.merge(SourceRef.normalizeFile(f.location().file()) + "\n" + key, 1, Integer::sum);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8) + ":" + n;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** An inline {@code # slsguard-ignore:} comment as a SARIF suppression, located at the comment. */
    private static Suppression suppression(SuppressionComment comment, SarifSettings settings) {
        Suppression suppression = new Suppression().withKind(Suppression.Kind.IN_SOURCE)
                .withLocation(new Location().withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(comment.ref().file(), settings))
                        .withRegion(new Region().withStartLine(Math.max(1, comment.ref().line()))
                                .withStartColumn(Math.max(1, comment.ref().column())))));
        if (comment.hasReason()) {
            suppression.setJustification(comment.reason());
        }
        return suppression;
    }

    /** A baseline finding that no longer occurs: its rule, its file, its logical location in words. */
    private static Result absent(BaselineStates.Absent gone, Map<String, Integer> ruleIndex, SarifSettings settings) {
        Result result = new Result()
                .withRuleId(gone.ruleId())
                .withKind(Result.Kind.PASS)
                .withLevel(Result.Level.NONE)
                .withBaselineState(Result.BaselineState.ABSENT)
                .withMessage(new Message().withText("No longer found: the baseline's finding of " + gone.ruleId()
                        + " at " + (gone.location().isEmpty() ? "the top of the file" : gone.location())
                        + " does not occur any more."))
                .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(gone.file(), settings)))));
        Integer index = ruleIndex.get(gone.ruleId());
        if (index != null) {
            result.setRuleIndex(index);
        }
        return result;
    }

    private static Result result(Finding f, int ruleIndex, SarifSettings settings) {
        Region region = new Region()
                .withStartLine(Math.max(1, f.location().line()))
                .withStartColumn(Math.max(1, f.location().column()));
        PhysicalLocation physical = new PhysicalLocation()
                .withArtifactLocation(artifact(f.location().file(), settings))
                .withRegion(region);
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty(FINGERPRINT_KEY, f.fingerprint());
        return new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(Result.Level.fromValue(f.severity().label()))
                .withMessage(new Message().withText(f.message()))
                .withLocations(List.of(new Location().withPhysicalLocation(physical)))
                .withPartialFingerprints(fingerprints);
    }

    /**
     * A relative file name becomes a URI relative to {@code %SRCROOT%}; an absolute one (a file the
     * user named outside the working directory) becomes a {@code file:} URI.
     */
    static ArtifactLocation artifact(String file) {
        return artifact(file, "");
    }

    /**
     * A file name below the settings' root relative to the root, whether it is absolute or relative
     * to the working directory (which may lie outside the root); else as
     * {@link #artifact(String, String)} with the settings' prefix.
     */
    static ArtifactLocation artifact(String file, SarifSettings settings) {
        if (!settings.rootPath().isEmpty() && !settings.basePath().isEmpty()) {
            java.nio.file.Path root = java.nio.file.Path.of(settings.rootPath()).normalize();
            java.nio.file.Path absolute = java.nio.file.Path.of(settings.basePath()).resolve(file).normalize();
            if (absolute.startsWith(root)) {
                return artifact(root.relativize(absolute).toString(), "");
            }
        }
        return artifact(file, settings.uriPrefix());
    }

    /** As {@link #artifact(String)}, a relative name being relative to {@code prefix} below the root. */
    static ArtifactLocation artifact(String file, String prefix) {
        String slashed = file.replace('\\', '/');
        boolean absolute = slashed.startsWith("/") || slashed.matches("^[A-Za-z]:/.*");
        if (absolute) {
            String path = slashed.startsWith("/") ? slashed : "/" + slashed;
            return new ArtifactLocation().withUri(encodePath("file://" + path));
        }
        String relative = normalizeSegments(prefix + SourceRef.normalizeFile(slashed));
        return new ArtifactLocation().withUri(encodePath(relative)).withUriBaseId(SRCROOT);
    }

    /** {@code services/../a/./b} becomes {@code a/b}; leading {@code ..} segments stay. */
    private static String normalizeSegments(String path) {
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.isEmpty() && !out.isEmpty()) {
                continue;
            }
            if (segment.equals("..") && !out.isEmpty() && !out.peekLast().equals("..")) {
                out.removeLast();
            } else {
                out.addLast(segment);
            }
        }
        return String.join("/", out);
    }

    /** Percent-encodes what may not appear in a URI reference; keeps slashes and unreserved characters. */
    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length());
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0;
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** {@code "wildcard action in IAM policy"} becomes {@code WildcardActionInIAMPolicy}. */
    static String camelCase(String title, String fallback) {
        StringBuilder out = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        if (out.length() == 0) {
            return fallback.replaceAll("[^A-Za-z0-9]", "");
        }
        return out.toString();
    }


    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

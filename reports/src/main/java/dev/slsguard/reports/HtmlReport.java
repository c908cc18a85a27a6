package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.NotAnalysed;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.IntrinsicText;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.rules.RuleInfo;
import dev.slsguard.engine.source.JsonPointers;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.ScalarNode;
import dev.slsguard.reports.html.CountRow;
import dev.slsguard.reports.html.EventRow;
import dev.slsguard.reports.html.FindingView;
import dev.slsguard.reports.html.FunctionSection;
import dev.slsguard.reports.html.PackRow;
import dev.slsguard.reports.html.ReviewPage;
import dev.slsguard.reports.html.ServiceEntry;
import dev.slsguard.reports.html.ServicesPage;
import dev.slsguard.reports.html.SnippetLine;
import dev.slsguard.reports.map.MapLayout;
import dev.slsguard.reports.map.MapLinks;
import dev.slsguard.reports.map.MapSvg;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The HTML review page: one self-contained file (inline CSS, no script, no network) with a summary
 * by severity and rule pack, then per function its events, what its role grants it (see
 * {@link RolePermissions}), and its findings with the rule's help and the lines around them. Rendered by the
 * precompiled jte template {@code review.jte}, which escapes every value for where it appears.
 */
public final class HtmlReport {

    /** The role v3 creates for functions without a {@code role:} of their own. */
    static final String EXECUTION_ROLE = "IamRoleLambdaExecution";
    private static final int CONTEXT_LINES = 3;
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlReport.class.getClassLoader(), "dev.slsguard.reports.jte");

    private HtmlReport() {
    }

    public static String render(Analysis analysis, ToolInfo tool) {
        return render(analysis, tool, ActionLevels.UNKNOWN);
    }

    /** The page of one service; {@code levels} gives the access levels of the actions its roles grant. */
    public static String render(Analysis analysis, ToolInfo tool, ActionLevels levels) {
        return render(analysis, tool, levels, Optional.empty());
    }

    /** The page of one service with its service map drawn at its top. */
    public static String render(Analysis analysis, ToolInfo tool, ActionLevels levels, Optional<MapLayout.Placed> map) {
        return new String(bytes(analysis, tool, levels, map), StandardCharsets.UTF_8);
    }

    /**
     * The page {@link #render(Analysis, ToolInfo, ActionLevels, Optional)} gives, as UTF-8 bytes written
     * straight from the template (no page-sized string on the way: a large service's page is megabytes).
     */
    public static byte[] bytes(Analysis analysis, ToolInfo tool, ActionLevels levels, Optional<MapLayout.Placed> map) {
        return pageWithMapSlot(analysis, tool, levels).withMap(mapFigure(analysis, map));
    }

    /**
     * The map's place on a page written without it: this very string object (never written) marks it, so
     * that no text of the service can be taken for it.
     */
    private static final String MAP_SLOT = new String("<!--service map-->");

    /**
     * The page of one service without its map, and where the map's figure goes: the page and the map's
     * layout can then be made side by side, and {@link SlottedPage#withMap} puts them together.
     */
    public static SlottedPage pageWithMapSlot(Analysis analysis, ToolInfo tool, ActionLevels levels) {
        SlottedPage page = new SlottedPage();
        TEMPLATES.render("review.jte", page(analysis, tool, levels, MAP_SLOT), page);
        return page;
    }

    /** The figure of the service map on the page of one service (UTF-8), or nothing without a map to draw. */
    public static byte[] mapFigure(Analysis analysis, Optional<MapLayout.Placed> map) {
        return figure(analysis, map, "").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A page written as UTF-8 without its map, and the byte offset of the map's place ({@link #MAP_SLOT},
     * which is left out).
     */
    public static final class SlottedPage implements gg.jte.TemplateOutput {
        private final Utf8ByteOutput out = new Utf8ByteOutput();
        private int slot = -1;

        private SlottedPage() {
        }

        @Override
        public void writeContent(String value) {
            if (value == MAP_SLOT) {
                slot = out.getContentLength();
            } else {
                out.writeContent(value);
            }
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            if (value == MAP_SLOT) {
                slot = out.getContentLength();
            } else {
                out.writeContent(value, beginIndex, endIndex);
            }
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            out.writeBinaryContent(value);
        }

        /** The whole page: {@code figure} (from {@link #mapFigure}) in the map's place; one copy of the page. */
        public byte[] withMap(byte[] figure) {
            if (slot < 0) {
                throw new IllegalStateException("the page has no place for its map");
            }
            byte[] whole = new byte[out.getContentLength() + figure.length];
            int[] read = {0};
            try {
                out.writeTo((data, offset, length) -> {
                    int before = Math.max(0, Math.min(length, slot - read[0])); // bytes of this part before the map
                    System.arraycopy(data, offset, whole, read[0], before);
                    System.arraycopy(data, offset + before, whole, read[0] + before + figure.length, length - before);
                    read[0] += length;
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // copying between arrays: not thrown
            }
            System.arraycopy(figure, 0, whole, slot, figure.length);
            return whole;
        }
    }

    /** The map's figure ({@code map.jte}) as HTML, or {@code ""} when there is no map or nothing on it. */
    private static String figure(Analysis analysis, Optional<MapLayout.Placed> map, String anchorPrefix) {
        Optional<String> svg = map.filter(m -> !m.boxes().isEmpty()) // a template given as input: no function to draw
                .map(m -> MapSvg.element(m, mapLinks(analysis, "#" + anchorPrefix), anchorPrefix + "map-"));
        if (svg.isEmpty()) {
            return "";
        }
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        TEMPLATES.render("map.jte", svg.get(), out);
        return out.toString();
    }

    public static byte[] bytes(Analysis analysis, ToolInfo tool) {
        return render(analysis, tool).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Several services checked at once: one page, the summary and filters over all of them, then a
     * section per service (anchors prefixed {@code s1-}, {@code s2-} ...). One service gives the
     * page {@link #render(Analysis, ToolInfo)} gives.
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, String title) {
        return render(analyses, tool, title, List.of());
    }

    /** Several services, some not analysed: the summary lists those at their location. */
    public static String render(List<Analysis> analyses, ToolInfo tool, String title, List<NotAnalysed> notAnalysed) {
        return render(analyses, tool, title, notAnalysed, ActionLevels.UNKNOWN);
    }

    /** Several services; {@code levels} gives the access levels of the actions their roles grant. */
    public static String render(List<Analysis> analyses, ToolInfo tool, String title, List<NotAnalysed> notAnalysed,
                                ActionLevels levels) {
        return render(analyses, tool, title, notAnalysed, levels, List.of());
    }

    /** Several services, each with its service map ({@code maps} in the order of {@code analyses}, or none). */
    public static String render(List<Analysis> analyses, ToolInfo tool, String title, List<NotAnalysed> notAnalysed,
                                ActionLevels levels, List<MapLayout.Placed> maps) {
        return new String(bytes(analyses, tool, title, notAnalysed, levels, maps), StandardCharsets.UTF_8);
    }

    /** The page {@link #render(List, ToolInfo, String, List, ActionLevels, List)} gives, as UTF-8 bytes. */
    public static byte[] bytes(List<Analysis> analyses, ToolInfo tool, String title, List<NotAnalysed> notAnalysed,
                               ActionLevels levels, List<MapLayout.Placed> maps) {
        if (analyses.size() == 1 && notAnalysed.isEmpty()) {
            return bytes(analyses.get(0), tool, levels, maps.stream().findFirst());
        }
        Utf8ByteOutput out = new Utf8ByteOutput();
        TEMPLATES.render("services.jte", servicesPage(analyses, tool, title, notAnalysed, levels, maps), out);
        return out.toByteArray();
    }

    private static ServicesPage servicesPage(List<Analysis> analyses, ToolInfo tool, String title,
                                             List<NotAnalysed> notAnalysed, ActionLevels levels,
                                             List<MapLayout.Placed> maps) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        List<Finding> all = new ArrayList<>();
        int suppressed = 0;
        for (Analysis analysis : analyses) {
            analysis.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
            all.addAll(analysis.findings());
            suppressed += analysis.suppressed().size();
        }
        List<PackRow> packs = packRows(all, rules);
        Map<String, Integer> packIndex = new TreeMap<>();
        packs.forEach(row -> packIndex.put(row.pack(), row.index()));
        List<ServiceEntry> services = new ArrayList<>();
        for (int i = 0; i < analyses.size(); i++) {
            String anchor = "s" + (i + 1);
            ReviewPage page = page(analyses.get(i), tool, anchor + "-", packIndex, levels,
                    figure(analyses.get(i), i < maps.size() ? Optional.of(maps.get(i)) : Optional.empty(), anchor + "-"));
            services.add(new ServiceEntry(anchor, page.file(), page.service(), page.findingCount(), page));
        }
        return new ServicesPage("slsguard review: " + title, tool.name() + " " + tool.version(),
                totals(all), packs, services, all.size(), suppressed,
                RunSummary.of(analyses, notAnalysed).coverage(), notAnalysed.stream().map(NotAnalysed::labelled).toList());
    }

    /** What the page shows, in the order it shows it. */
    static ReviewPage page(Analysis analysis, ToolInfo tool, ActionLevels levels) {
        return page(analysis, tool, levels, "");
    }

    /** The page of one service alone (no anchor prefix), with {@code mapFigure} as its map. */
    private static ReviewPage page(Analysis analysis, ToolInfo tool, ActionLevels levels, String mapFigure) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        analysis.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        Map<String, Integer> packIndex = new TreeMap<>();
        packRows(analysis.findings(), rules).forEach(row -> packIndex.put(row.pack(), row.index()));
        return page(analysis, tool, "", packIndex, levels, mapFigure);
    }

    /**
     * The anchors of a service's section in a page of {@code services} services ({@code s2-}), or
     * none when the page shows one service alone.
     */
    public static String anchorPrefix(int index, int services, int notAnalysed) {
        return services == 1 && notAnalysed == 0 ? "" : "s" + (index + 1) + "-";
    }

    /**
     * {@code slsguard-map.svg}: the service map as a file of its own, its links leading into the
     * review page at {@code page} (relative to the file), in the section with {@code anchorPrefix}.
     */
    public static byte[] mapDocument(Analysis analysis, MapLayout.Placed map, String page, String anchorPrefix) {
        return MapSvg.document(map, mapLinks(analysis, page + "#" + anchorPrefix)).getBytes(StandardCharsets.UTF_8);
    }

    /** Links into the page: {@code base} ({@code #s2-}, {@code slsguard.html#}) and the anchor. */
    private static MapLinks mapLinks(Analysis analysis, String base) {
        Map<String, Integer> functionIndex = new TreeMap<>();
        analysis.functions().forEach(f -> functionIndex.put(f.key(), f.index()));
        return new MapLinks() {
            @Override
            public String function(String key) {
                return base + "fn-" + (functionIndex.getOrDefault(key, 0) + 1);
            }

            @Override
            public String finding(int index) {
                return base + findingAnchor(index);
            }
        };
    }

    /** The anchor of the finding at {@code index} (from 0) in report order. */
    private static String findingAnchor(int index) {
        return "finding-" + (index + 1);
    }

    private static List<CountRow> totals(List<Finding> findings) {
        SeverityCounts counts = SeverityCounts.of(findings);
        List<CountRow> totals = new ArrayList<>();
        for (Severity s : Severity.values()) {
            totals.add(new CountRow(s.label(), counts.of(s)));
        }
        return totals;
    }

    /** One row per rule pack with findings, by name, numbered from 1 (the filters' ids). */
    private static List<PackRow> packRows(List<Finding> findings, Map<String, RuleInfo> rules) {
        Map<String, int[]> byPack = new TreeMap<>();
        for (Finding f : findings) {
            int[] row = byPack.computeIfAbsent(pack(rules.get(f.ruleId())), p -> new int[3]);
            row[f.severity().ordinal()]++;
        }
        List<PackRow> packs = new ArrayList<>();
        byPack.forEach((pack, row) -> packs.add(new PackRow(pack, packs.size() + 1, row[0], row[1], row[2])));
        return packs;
    }

    /**
     * The page of one service.
     *
     * @param anchorPrefix prefixed to every anchor (several services on one page)
     * @param packIndex    the filter number of every pack on the page
     * @param levels       the access levels of IAM actions
     * @param mapFigure    the service map's figure as HTML ({@link #figure}), a slot for it, or nothing
     */
    private static ReviewPage page(Analysis analysis, ToolInfo tool, String anchorPrefix,
                                   Map<String, Integer> packIndex, ActionLevels levels, String mapFigure) {
        List<Finding> findings = FindingOrder.sorted(analysis.findings());
        Map<String, RuleInfo> rules = new TreeMap<>();
        analysis.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        Map<String, List<String>> lines = new TreeMap<>();
        analysis.texts().forEach((name, text) -> lines.put(name, text.lines().toList()));
        String file = analysis.source().displayName();

        List<CountRow> totals = totals(findings);
        List<PackRow> packs = packRows(findings, rules).stream()
                .map(r -> new PackRow(r.pack(), packIndex.get(r.pack()), r.errors(), r.warnings(), r.notes()))
                .toList();

        List<String> anchors = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            anchors.add(anchorPrefix + findingAnchor(i));
        }
        RolePermissions permissions = new RolePermissions(analysis, findings, anchors, rules, levels, anchorPrefix);
        List<FunctionSection> sections = new ArrayList<>();
        boolean[] placed = new boolean[findings.size()];
        Map<String, List<Integer>> byFunction = new java.util.HashMap<>(); // "/functions/<key>" -> finding numbers
        for (int i = 0; i < findings.size(); i++) {
            String pointer = findings.get(i).location().pointer();
            if (pointer.startsWith("/functions/")) {
                int end = pointer.indexOf('/', "/functions/".length());
                byFunction.computeIfAbsent(end < 0 ? pointer : pointer.substring(0, end), k -> new ArrayList<>()).add(i);
            }
        }
        // events by function once: a page of 500 functions would otherwise scan all of them per function
        Map<String, List<EventDecl>> eventsByFunction = new java.util.HashMap<>();
        analysis.events().forEach(e -> eventsByFunction.computeIfAbsent(e.function(), k -> new ArrayList<>()).add(e));
        boolean executionRole = analysis.statements().stream().anyMatch(st -> st.role().equals(EXECUTION_ROLE));
        for (Function function : analysis.functions()) {
            List<FindingView> own = new ArrayList<>();
            for (int i : byFunction.getOrDefault("/functions/" + JsonPointers.escape(function.key()), List.of())) {
                Finding f = findings.get(i);
                own.add(view(f, anchors.get(i), rules.get(f.ruleId()), packIndex, lines));
                placed[i] = true;
            }
            Optional<String> ownRole = permissions.ownRole(function);
            sections.add(new FunctionSection(function.key(), function.name(), anchorPrefix + "fn-" + (function.index() + 1),
                    description(function), line(function.ref()), ownRole.map(id -> "its own role " + id
                            + " (functions." + function.key() + ".iamRoleStatements)")
                            .orElseGet(() -> roleSentence(executionRole, function)),
                    events(eventsByFunction.getOrDefault(function.key(), List.of())), permissions.of(function),
                    ownRole.or(() -> templateRole(analysis, function)).map(id -> roleAnchor(anchorPrefix, id))
                            .orElse(""), own));
        }
        List<FindingView> serviceFindings = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!placed[i]) {
                serviceFindings.add(view(findings.get(i), anchors.get(i), rules.get(findings.get(i).ruleId()),
                        packIndex, lines));
            }
        }
        String service = serviceName(analysis);
        return new ReviewPage("slsguard review: " + (service.isEmpty() ? file : service),
                tool.name() + " " + tool.version(), file, service, totals, packs, sections, permissions.roles(),
                serviceFindings,
                findings.size(), analysis.suppressed().size(), mapFigure);
    }

    /** The service's name as the template has it: variables resolved ({@code service: ${file(...)}}). */
    private static String serviceName(Analysis analysis) {
        MapNode root = analysis.configuration().orElse(analysis.source().root() instanceof MapNode map ? map : null);
        if (root == null) {
            return "";
        }
        return root.get("service").flatMap(n -> n instanceof MapNode named ? named.get("name") : java.util.Optional.of(n))
                .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text()).orElse("");
    }

    /** The function's events, in order. */
    private static List<EventRow> events(List<EventDecl> events) {
        List<EventRow> rows = new ArrayList<>();
        for (EventDecl event : events) {
            Setting options = event.options();
            String detail = options.isScalar() ? options.textOr("")
                    : String.join(", ", options.members().stream().map(option -> option.name() + ": "
                            + (option.isScalar() ? option.textOr("") : option.isIntrinsic()
                            ? IntrinsicText.of(option.toJson()) : "…")).toList());
            rows.add(new EventRow(event.type(), event.ref().reached() ? event.ref().file() + ":" + event.ref().line()
                    : String.valueOf(event.ref().line()), detail, event.compiled()));
        }
        return rows;
    }

    private static String description(Function function) {
        return function.config().get("description").filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()).orElse("");
    }

    /** The role's logical id when the template defines it, else empty (an external role). */
    static Optional<String> roleId(Function function) {
        if (function.role().isEmpty()) {
            return Optional.of(EXECUTION_ROLE);
        }
        CfnValue role = function.role().get();
        if (role instanceof CfnValue.GetAtt getAtt) {
            return Optional.of(getAtt.resource());
        }
        if (role instanceof CfnValue.Ref ref) {
            return Optional.of(ref.logicalId());
        }
        if (role instanceof CfnValue.Literal literal && !literal.value().startsWith("arn:")) {
            return Optional.of(literal.value());
        }
        return Optional.empty();
    }

    /** @param executionRole whether the service's statements include the execution role's */
    private static String roleSentence(boolean executionRole, Function function) {
        if (function.role().isEmpty() && !executionRole) {
            return "the provider's role (provider.iam.role), defined outside this template: its permissions are "
                    + "not known here";
        }
        return roleId(function).map(id -> id.equals(EXECUTION_ROLE) && function.role().isEmpty()
                        ? "the service's execution role " + id : "its own role " + id)
                .orElseGet(() -> "a role defined outside this service ("
                        + IntrinsicText.of(function.role().get().toJson()) + "): its permissions are not known here");
    }

    /** The function's role when it is a resource of this template. */
    static Optional<String> templateRole(Analysis analysis, Function function) {
        return roleId(function).filter(id -> analysis.template().path("Resources").has(id));
    }

    /** The fragment id of a role's section. */
    static String roleAnchor(String anchorPrefix, String logicalId) {
        return anchorPrefix + "role-" + logicalId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** {@code line 12}, or {@code line 3 of iam/role.yml} for a value written in another file than where it is used. */
    private static String line(SourceRef ref) {
        return ref.reached() ? ref.lineSeenFrom(ref.through().get(ref.through().size() - 1).ref()) : "line " + ref.line();
    }

    /**
     * A finding as the page shows it: the lines around it from its own file (the configuration or a
     * file it includes), and its related locations ({@code included from serverless.yml by ...}).
     */
    private static FindingView view(Finding f, String anchor, RuleInfo rule, Map<String, Integer> packIndex,
                                    Map<String, List<String>> lines) {
        String help = rule == null ? "" : rule.help().trim();
        boolean helpIsUrl = URL.matcher(help).matches();
        return new FindingView(anchor, f.ruleId(), f.severity().label(), pack(rule), packIndex.get(pack(rule)), f.message(), f.location().toString(),
                rule == null ? f.ruleId() : rule.title(), rule == null ? "" : rule.description(),
                helpIsUrl ? "" : help, helpIsUrl ? help : "",
                snippet(f, lines.getOrDefault(SourceRef.normalizeFile(f.location().file()), List.of())),
                f.related().stream().map(r -> r.label() + " (" + r.ref() + ")").toList());
    }

    private static List<SnippetLine> snippet(Finding f, List<String> lines) {
        if (f.location().line() < 1 || f.location().line() > lines.size()) {
            return List.of();
        }
        int line = f.location().line();
        List<SnippetLine> out = new ArrayList<>();
        for (int n = Math.max(1, line - CONTEXT_LINES); n <= Math.min(lines.size(), line + CONTEXT_LINES); n++) {
            out.add(new SnippetLine(n, lines.get(n - 1), n == line));
        }
        return out;
    }

    /** The pack a rule belongs to: its first tag, else the last part of its DRL package. */
    static String pack(RuleInfo rule) {
        if (rule == null) {
            return "unknown";
        }
        if (!rule.tags().isEmpty()) {
            return rule.tags().get(0);
        }
        return rule.pack().isEmpty() ? "unknown" : rule.packName();
    }
}

package dev.slsguard.reports.map;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.EffectivePermissions;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.RelatedLocation;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.reports.AccessLevel;
import dev.slsguard.reports.ActionLevels;
import dev.slsguard.reports.FindingOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the whole service map of one analysis: every event source, function, role and resource,
 * before {@link MapCondenser} makes it readable. Functions, their events and their roles' statements
 * come from the analysis as the review page reads them ({@link EffectivePermissions}); the access
 * levels of the actions from {@link ActionLevels}.
 */
public final class ServiceMapBuilder {

    private final Analysis analysis;
    private final ActionLevels levels;
    private final ResourceNames resources;
    private final EventSourceNames sources;
    private final List<Finding> findings;
    private final Map<String, ServiceMap.Box> boxes = new LinkedHashMap<>();
    private final Map<String, ArrowDraft> arrows = new LinkedHashMap<>();

    private ServiceMapBuilder(Analysis analysis, ActionLevels levels) {
        this.analysis = analysis;
        this.levels = levels;
        this.resources = new ResourceNames(analysis.template());
        this.sources = new EventSourceNames(resources);
        this.findings = FindingOrder.sorted(analysis.findings());
    }

    /** The map of {@code analysis}, every node and edge, in a stable order. */
    public static ServiceMap of(Analysis analysis, ActionLevels levels) {
        return new ServiceMapBuilder(analysis, levels).build();
    }

    private ServiceMap build() {
        Map<String, List<EventDecl>> eventsByFunction = new TreeMap<>();
        analysis.events().forEach(e -> eventsByFunction.computeIfAbsent(e.function(), k -> new ArrayList<>()).add(e));
        boolean executionRole = analysis.statements().stream()
                .anyMatch(s -> s.role().equals(EffectivePermissions.EXECUTION_ROLE));
        Map<String, Map<IamStatement, Boolean>> statementsByRole = new TreeMap<>();
        Map<String, List<IamStatement>> usable = EffectivePermissions.statementsOf(analysis.functions(),
                analysis.statements());
        Map<String, String> roles = EffectivePermissions.roleOfEach(analysis.functions(), analysis.statements());
        Map<List<IamStatement>, Boolean> added = new IdentityHashMap<>();
        for (Function function : analysis.functions()) {
            String fn = functionBox(function);
            for (EventDecl event : eventsByFunction.getOrDefault(function.key(), List.of())) {
                EventSourceNames.Source source = sources.of(event);
                ServiceMap.Box box = add(source.box());
                if (box.kind() == ServiceMap.Kind.RESOURCE) {
                    box = asSource(box);
                }
                arrow(box.id(), fn, ServiceMap.Line.EVENT, Set.of(), source.label(), List.of());
                for (ServiceMap.Box failure : sources.failures(event)) {
                    arrow(fn, add(failure).id(), ServiceMap.Line.FAILURE, Set.of(), "on failure", List.of());
                }
            }
            for (ServiceMap.Box failure : sources.failures(Setting.of(function.config()))) {
                arrow(fn, add(failure).id(), ServiceMap.Line.FAILURE, Set.of(), "on failure", List.of());
            }
            List<IamStatement> grants = usable.get(function.key());
            String role = grants.isEmpty() ? roleName(function, executionRole)
                    : roles.get(function.key());
            String roleBox = add(new ServiceMap.Box("role:" + role, ServiceMap.Kind.ROLE, role,
                    grants.isEmpty() ? "role: its statements are not known here" : "IAM role", "iam", List.of(),
                    Optional.empty())).id();
            arrow(fn, roleBox, ServiceMap.Line.RUNS_WITH, Set.of(), "", List.of());
            if (added.put(grants, Boolean.TRUE) == null) { // functions that share a role share its list
                Map<IamStatement, Boolean> statements = statementsByRole.computeIfAbsent(role, k -> new IdentityHashMap<>());
                grants.forEach(g -> statements.put(g, Boolean.TRUE));
            }
        }
        statementsByRole.forEach((role, statements) -> {
            List<IamStatement> ordered = new ArrayList<>(statements.keySet());
            ordered.sort(Comparator.comparing(IamStatement::role).thenComparing(IamStatement::orderKey));
            ordered.forEach(s -> grant("role:" + role, s));
        });
        return order();
    }

    /** The role a function without known statements runs with, as the review page words it. */
    private static String roleName(Function function, boolean executionRole) {
        if (function.role().isPresent()) {
            return function.role().get().literal().orElse(function.role().get().toJson().toString());
        }
        return executionRole ? EffectivePermissions.EXECUTION_ROLE : "provider.iam.role";
    }

    private String functionBox(Function function) {
        return add(new ServiceMap.Box("function:" + function.key(), ServiceMap.Kind.FUNCTION, function.key(),
                "function " + function.name(), "lambda", List.of(function.key()),
                Optional.of(new ServiceMap.Link(ServiceMap.Target.FUNCTION, function.key())))).id();
    }

    /** Arrows from a role to every resource an Allow statement names, labelled with the access levels. */
    private void grant(String roleBox, IamStatement s) {
        if (!"Allow".equals(s.effect())) {
            return;
        }
        Set<AccessLevel> granted = EnumSet.noneOf(AccessLevel.class);
        if (s.actions().isEmpty()) {
            granted.addAll(EnumSet.allOf(AccessLevel.class)); // NotAction: everything but a few
        }
        s.actions().forEach(a -> levels.of(a).forEach(name -> AccessLevel.ofAwsName(name).ifPresent(granted::add)));
        List<Finding> about = findingsOn(s);
        List<ServiceMap.Box> targets = new ArrayList<>();
        if (s.resources().isEmpty()) {
            targets.add(resources.literal("*", "", "")); // NotResource: everything but a few
        } else {
            s.resources().forEach(r -> targets.add(resources.of(r)));
        }
        for (ServiceMap.Box target : targets) {
            arrow(roleBox, add(target).id(), ServiceMap.Line.GRANT, granted, "", about);
        }
    }

    /**
     * The findings about a statement the user wrote (automatic ones are v3's, the least-privilege
     * rules leave them alone): located in it, or naming it as a related location.
     */
    private List<Finding> findingsOn(IamStatement s) {
        String pointer = s.ref().pointer();
        if (s.automatic() || pointer.isEmpty()) {
            return List.of();
        }
        String file = SourceRef.normalizeFile(s.ref().file());
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean located = within(f.location(), file, pointer);
            for (RelatedLocation related : f.related()) {
                located |= within(related.ref(), file, pointer);
            }
            if (located) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean within(SourceRef ref, String file, String pointer) {
        return SourceRef.normalizeFile(ref.file()).equals(file)
                && (ref.pointer().equals(pointer) || ref.pointer().startsWith(pointer + "/"));
    }

    private ServiceMap.Box add(ServiceMap.Box box) {
        return boxes.merge(box.id(), box, (old, fresh) -> old);
    }

    private ServiceMap.Box asSource(ServiceMap.Box box) {
        ServiceMap.Box source = new ServiceMap.Box(box.id(), ServiceMap.Kind.SOURCE, box.title(), box.detail(),
                box.service(), box.members(), box.link());
        boxes.put(box.id(), source);
        return source;
    }

    private void arrow(String from, String to, ServiceMap.Line line, Set<AccessLevel> granted, String label,
                       List<Finding> about) {
        ArrowDraft draft = arrows.computeIfAbsent(from + "\n" + to + "\n" + line, k -> new ArrowDraft(from, to, line));
        draft.levels.addAll(granted);
        if (!label.isEmpty() && !draft.labels.contains(label)) {
            draft.labels.add(label);
        }
        for (Finding f : about) {
            int index = findings.indexOf(f);
            if (draft.finding.isEmpty() || f.severity().ordinal() < draft.finding.get().severity().ordinal()) {
                draft.finding = Optional.of(f);
                draft.findingIndex = index;
            }
        }
    }

    /** Boxes by kind, then title and id; arrows by their boxes' order. */
    private ServiceMap order() {
        List<ServiceMap.Box> ordered = new ArrayList<>(boxes.values());
        ordered.sort(BOX_ORDER);
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).id(), i);
        }
        List<ServiceMap.Arrow> out = new ArrayList<>();
        arrows.values().forEach(d -> out.add(d.arrow(boxes.get(d.to).kind() == ServiceMap.Kind.EVERY_RESOURCE)));
        out.sort(Comparator.comparing((ServiceMap.Arrow a) -> position.get(a.from()))
                .thenComparing(a -> position.get(a.to())).thenComparing(ServiceMap.Arrow::line));
        return new ServiceMap(ordered, out);
    }

    static final Comparator<ServiceMap.Box> BOX_ORDER = Comparator.comparing(ServiceMap.Box::kind)
            .thenComparing(ServiceMap.Box::title, NaturalOrder.INSTANCE).thenComparing(ServiceMap.Box::id);

    /** An arrow while statements and events add to it. */
    private static final class ArrowDraft {
        final String from;
        final String to;
        final ServiceMap.Line line;
        final Set<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
        final List<String> labels = new ArrayList<>();
        Optional<Finding> finding = Optional.empty();
        int findingIndex;

        ArrowDraft(String from, String to, ServiceMap.Line line) {
            this.from = from;
            this.to = to;
            this.line = line;
        }

        ServiceMap.Arrow arrow(boolean everyResource) {
            return new ServiceMap.Arrow(from, to, line, labels, levels, finding.map(Finding::severity),
                    finding.map(f -> new ServiceMap.Link(ServiceMap.Target.FINDING, String.valueOf(findingIndex))),
                    everyResource);
        }
    }
}

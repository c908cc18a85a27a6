package dev.slsguard.compilers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.BoundService;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.ServiceBinder;
import dev.slsguard.compilers.core.AnalysedStatements;
import dev.slsguard.compilers.core.CoreTemplateCompiler;
import dev.slsguard.compilers.core.ExecutionRoleCompiler;
import dev.slsguard.compilers.core.FunctionCompiler;
import dev.slsguard.compilers.events.CompileResult;
import dev.slsguard.compilers.events.EventCompiler;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.compilers.template.TemplateCompiler;
import dev.slsguard.engine.compile.Compilation;
import dev.slsguard.engine.compile.ServiceCompiler;
import dev.slsguard.engine.merge.TemplateDraft;
import dev.slsguard.engine.merge.TemplateMerger;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.model.MergedTemplate;
import dev.slsguard.engine.model.Refusal;
import dev.slsguard.engine.model.Resource;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.schema.SchemaCatalog;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.SourceDocument;
import dev.slsguard.engine.vars.ResolvedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bind and compile stages, the way Serverless Framework v3.40.0's {@code package} builds the
 * template: core template, execution role and log groups, functions, then the event compilers in
 * v3's plugin order.
 *
 * <p>Facts, in this order: {@code Service}; {@code Function}s; {@code EventDecl}s;
 * {@code UnsupportedEvent}s; typed events and {@code EventSource}s in compile order; the
 * {@code Refusal}s of the events v3 refuses, in compile order;
 * {@code Resource}s in template order (as the template will hold them after the user's
 * {@code resources:} are merged, roles with their core and declared statements only); the
 * {@code MergedTemplate} those resources are part of, with its source map; the
 * execution role's core, declared and function-level {@code IamStatement}s; then the statements
 * that are analysed but not written inline ({@link AnalysedStatements}: per-function
 * {@code iamRoleStatements}, managed policies, IAM roles and policies under {@code resources:}).
 */
public final class ServerlessCompiler implements ServiceCompiler {

    private final List<EventCompiler> compilers;

    /** A compiler with every event compiler of the registry ({@link EventType}). */
    public ServerlessCompiler() {
        this(EventType.compilers());
    }

    /** A compiler with the given event compilers (run in their plugin order). */
    public ServerlessCompiler(List<EventCompiler> compilers) {
        List<EventCompiler> sorted = new ArrayList<>(compilers);
        sorted.sort(Comparator.comparingInt(EventCompiler::pluginOrder));
        this.compilers = List.copyOf(sorted);
    }

    /** The event types this compiler compiles. */
    public Set<EventType> compiledTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        compilers.forEach(c -> types.add(c.eventType()));
        return types;
    }

    /** The service schema ({@code core/service.schema.json}) and each compiled event type's own schema. */
    @Override
    public SchemaCatalog schemas() {
        Map<String, String> events = new HashMap<>();
        for (EventType type : compiledTypes()) {
            type.schema().ifPresent(resource -> events.put(type.key(), resource));
        }
        return new SchemaCatalog(Optional.of("dev/slsguard/compilers/core/service.schema.json"), events);
    }

    @Override
    public Compilation compile(ResolvedDocument document) {
        BoundService bound = ServiceBinder.bind(document, compiledTypes());
        CompileContext context = new CompileContext(bound);
        CoreTemplateCompiler.compile(context);
        ExecutionRoleCompiler.compile(context);
        FunctionCompiler.compile(context);
        List<Refusal> refusals = new ArrayList<>();
        for (EventCompiler compiler : compilers) {
            for (EventItem event : bound.events()) {
                if (event.type() == compiler.eventType()) {
                    CompileResult result = compiler.compile(event, context);
                    if (result instanceof CompileResult.Compiled) {
                        context.compiled(event);
                    } else if (result instanceof CompileResult.Refused refused) {
                        refusals.addAll(refused.refusals());
                    }
                }
            }
            refusals.addAll(compiler.finish(context));
        }

        Optional<MapNode> userResources = bound.settings().root().get("resources")
                .filter(MapNode.class::isInstance).map(MapNode.class::cast);
        TemplateDraft draft = new TemplateDraft(bound.service(), context.resources(), context.outputs(),
                userResources, context.origins());
        List<IamStatement> statements = context.statements().statements();
        ObjectNode template = TemplateMerger.merge(draft, statements);

        List<Object> facts = new ArrayList<>();
        facts.add(bound.service());
        facts.addAll(bound.functionFacts());
        facts.addAll(bound.declarations());
        facts.addAll(bound.unsupported());
        facts.addAll(context.eventFacts());
        facts.addAll(refusals);
        facts.addAll(resourceFacts(draft, template, userResources));
        facts.add(MergedTemplate.of(template, TemplateMerger.origins(draft, statements, template),
                Optional.of(document.source().root())));
        facts.addAll(statements);
        facts.addAll(AnalysedStatements.read(context));
        return new Compilation(facts, draft);
    }

    /** A CloudFormation or SAM template read in the same fact model ({@link TemplateCompiler}). */
    @Override
    public Compilation compileTemplate(SourceDocument document) {
        return TemplateCompiler.compile(document);
    }

    /** The template's resources as facts: compiled ones keep their origin, the user's point at their key. */
    private static List<Resource> resourceFacts(TemplateDraft draft, ObjectNode template,
                                                Optional<MapNode> userResources) {
        Map<String, Resource> compiled = new HashMap<>();
        draft.resources().forEach(r -> compiled.put(r.logicalId(), r));
        Optional<MapNode> userSection = userResources.flatMap(r -> r.get("Resources"))
                .filter(MapNode.class::isInstance).map(MapNode.class::cast);
        List<Resource> facts = new ArrayList<>();
        JsonNode resources = template.get("Resources");
        if (resources == null || !resources.isObject()) {
            return facts;
        }
        for (Map.Entry<String, JsonNode> e : resources.properties()) {
            if (!(e.getValue() instanceof ObjectNode definition)) {
                continue;
            }
            Resource own = compiled.get(e.getKey());
            SourceRef origin = own != null ? own.origin()
                    : userSection.flatMap(m -> m.field(e.getKey())).map(MapNode.Field::keyRef)
                            .or(() -> userResources.map(Node::ref)).orElse(draft.service().ref());
            facts.add(new Resource(e.getKey(), definition.path("Type").asText(""), definition,
                    own != null ? own.function() : Optional.empty(), origin));
        }
        return facts;
    }
}

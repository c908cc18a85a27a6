package dev.slsguard.rules;

import dev.slsguard.engine.model.ConfigValidation;
import dev.slsguard.engine.model.EvaluationDate;
import dev.slsguard.engine.model.MergedTemplate;
import dev.slsguard.engine.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drools.base.InitialFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.constraint.BetaConstraint;
import org.drools.core.reteoo.AbstractTerminalNode;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.EvalConditionNode;
import org.drools.core.reteoo.ExistsNode;
import org.drools.core.reteoo.FromNode;
import org.drools.core.reteoo.JoinNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.NotNode;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleToObjectNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;

/**
 * Finds the accumulates ({@code collect}, {@code accumulate}) of a built rule base that Drools
 * computes once per item although they do not depend on the item: an {@link AccumulateNode} whose
 * left input already holds a pattern of a fact type with many instances per service, while nothing
 * the accumulation reads (the inner pattern's join constraints, the accumulate functions, a
 * sub-network's constraints and {@code from} sources) is bound at or after that pattern. Phreak
 * keeps one accumulation per left tuple, so such a rule costs items x collected facts in time and
 * memory; the same collect placed above the item's pattern is computed once and gives the same matches.
 *
 * <p>Reads the Rete (left input chain from each terminal node), not the DRL: what is checked is what
 * Drools runs, whichever syntax wrote it. Tuple indexes are Drools' pattern offsets: every node of
 * the left chain, the {@code LeftInputAdapterNode} first, takes the next one.
 */
final class PerItemCollects {

    /**
     * Fact types of which the pipeline inserts exactly one per service (Pipeline, ServerlessCompiler,
     * TemplateCompiler, SchemaStage) and Drools' initial fact; a pattern of one of these does not
     * multiply the tuples below it.
     */
    static final Set<Class<?>> ONE_PER_SERVICE = Set.of(Service.class, MergedTemplate.class,
            ConfigValidation.class, EvaluationDate.class, InitialFact.class);

    /**
     * An accumulate Drools recomputes per item.
     *
     * @param packageName the rule's package
     * @param rule        the rule's name
     * @param perItem     the first pattern above it that multiplies tuples ({@code $resource : Resource})
     * @param collect     the accumulate ({@code $facts : collect/accumulate over Resource})
     */
    record Misplaced(String packageName, String rule, String perItem, String collect) {
    }

    private PerItemCollects() {
    }

    /** Every accumulate of {@code kbase} computed per item, once each, by package and rule. */
    static List<Misplaced> in(InternalKnowledgeBase kbase) {
        List<Misplaced> found = new ArrayList<>();
        for (TerminalNode[] terminals : kbase.getReteooBuilder().getTerminalNodes().values()) {
            for (TerminalNode terminal : terminals) {
                check((AbstractTerminalNode) terminal, found);
            }
        }
        return found.stream().distinct()
                .sorted(Comparator.comparing(Misplaced::packageName).thenComparing(Misplaced::rule)
                        .thenComparing(Misplaced::collect))
                .toList();
    }

    private static void check(AbstractTerminalNode terminal, List<Misplaced> found) {
        RuleImpl rule = terminal.getRule();
        List<LeftTupleSource> chain = chain(terminal.getLeftTupleSource(), null);
        List<Declaration> declarations = new ArrayList<>(rule.getDeclarations().values());
        declarations.addAll(Arrays.asList(terminal.getAllDeclarations()));
        int firstPerItem = -1;
        for (int index = 0; index < chain.size(); index++) {
            LeftTupleSource node = chain.get(index);
            checkIndexes(rule, node, index);
            if (node instanceof AccumulateNode accumulate) {
                if (firstPerItem >= 0 && !readsFrom(accumulate, firstPerItem, index)) {
                    found.add(new Misplaced(rule.getPackageName(), rule.getName(),
                            describe(chain.get(firstPerItem), firstPerItem, declarations),
                            describe(accumulate, index, declarations)));
                }
            } else if (firstPerItem < 0 && multiplies(node, rule)) {
                firstPerItem = index;
            }
        }
    }

    /**
     * True when {@code node} can pass on more than one tuple per tuple it receives: a pattern of a
     * fact type with many instances per service, or a {@code from} (one tuple per element it yields).
     */
    private static boolean multiplies(LeftTupleSource node, RuleImpl rule) {
        if (node instanceof LeftInputAdapterNode adapter) {
            return !onePerService(adapter.getObjectTypeNode().getObjectType());
        }
        if (node instanceof JoinNode join) {
            return join.inputIsTupleToObjectNode()
                    || !onePerService(join.getRightInput().getObjectTypeNode().getObjectType());
        }
        if (node instanceof FromNode<?>) {
            return true;
        }
        if (node instanceof NotNode || node instanceof ExistsNode || node instanceof EvalConditionNode) {
            return false;
        }
        throw new IllegalStateException("rule \"" + rule.getName() + "\": PerItemCollects does not know the node "
                + node + "; say whether it can multiply tuples");
    }

    private static boolean onePerService(ObjectType type) {
        return type instanceof ClassObjectType cls && ONE_PER_SERVICE.stream().anyMatch(c -> c.isAssignableFrom(cls.getClassType()));
    }

    /**
     * True when the accumulation at tuple index {@code position} reads a declaration bound at or
     * after {@code firstPerItem}, i.e. differs from one item to the next.
     */
    private static boolean readsFrom(AccumulateNode accumulate, int firstPerItem, int position) {
        List<Declaration> read = new ArrayList<>(constraintDeclarations(accumulate));
        read.addAll(Arrays.asList(accumulate.getAccumulate().getRequiredDeclarations()));
        if (accumulate.inputIsTupleToObjectNode()) {
            // collect(A() and B() ...), collect(X() from ...): the source is a sub-network branching off the left input
            TupleToObjectNode end = (TupleToObjectNode) accumulate.getRightInput().getParent();
            for (LeftTupleSource node : chain(end.getLeftTupleSource(), accumulate.getLeftTupleSource())) {
                read.addAll(readBy(node));
            }
        }
        return read.stream().anyMatch(d -> d.getTupleIndex() >= firstPerItem && d.getTupleIndex() < position);
    }

    /** The declarations a node of a sub-network reads. */
    private static List<Declaration> readBy(LeftTupleSource node) {
        List<Declaration> read = new ArrayList<>();
        if (node instanceof BetaNode beta) {
            read.addAll(constraintDeclarations(beta));
        }
        if (node instanceof AccumulateNode accumulate) {
            read.addAll(Arrays.asList(accumulate.getAccumulate().getRequiredDeclarations()));
        } else if (node instanceof FromNode<?> from) {
            read.addAll(Arrays.asList(from.getDataProvider().getRequiredDeclarations()));
            for (BetaConstraint constraint : from.getBetaConstraints().getConstraints()) {
                read.addAll(Arrays.asList(constraint.getRequiredDeclarations()));
            }
        } else if (node instanceof EvalConditionNode eval) {
            read.addAll(Arrays.asList(eval.getCondition().getRequiredDeclarations()));
        }
        return read;
    }

    private static List<Declaration> constraintDeclarations(BetaNode node) {
        List<Declaration> read = new ArrayList<>();
        for (BetaConstraint constraint : node.getConstraints()) {
            read.addAll(Arrays.asList(constraint.getRequiredDeclarations()));
        }
        return read;
    }

    /**
     * The left input chain ending at {@code last}, first node first, stopping below {@code above}
     * (null: up to the {@code LeftInputAdapterNode}).
     */
    private static List<LeftTupleSource> chain(LeftTupleSource last, LeftTupleSource above) {
        List<LeftTupleSource> chain = new ArrayList<>();
        for (LeftTupleSource node = last; node != above; node = node.getLeftTupleSource()) {
            if (node == null) {
                throw new IllegalStateException("sub-network does not branch off " + above);
            }
            chain.add(0, node);
        }
        return chain;
    }

    /**
     * The tuple index of a node is taken to be its place in the chain: a join constraint reading a
     * declaration at or above its own index would mean that no longer holds, and the check would be wrong.
     */
    private static void checkIndexes(RuleImpl rule, LeftTupleSource node, int index) {
        if (node instanceof BetaNode beta) {
            for (Declaration declaration : constraintDeclarations(beta)) {
                if (declaration.getTupleIndex() >= index) {
                    throw new IllegalStateException("rule \"" + rule.getName() + "\": " + node + " at tuple index "
                            + index + " reads " + declaration.getIdentifier() + " at " + declaration.getTupleIndex());
                }
            }
        }
    }

    private static String describe(LeftTupleSource node, int index, List<Declaration> declarations) {
        String type = node instanceof LeftInputAdapterNode adapter ? typeName(adapter.getObjectTypeNode().getObjectType())
                : node instanceof JoinNode join && !join.inputIsTupleToObjectNode()
                ? typeName(join.getRightInput().getObjectTypeNode().getObjectType())
                : node instanceof FromNode<?> from ? from.getResultClass().getSimpleName() + "() from \u2026"
                : node.getClass().getSimpleName();
        return binding(index, declarations).map(name -> name + " : " + type).orElse(type);
    }

    private static String describe(AccumulateNode accumulate, int index, List<Declaration> declarations) {
        String source = accumulate.inputIsTupleToObjectNode() ? "a sub-network"
                : typeName(accumulate.getRightInput().getObjectTypeNode().getObjectType());
        String what = "collect/accumulate over " + source;
        return binding(index, declarations).map(name -> name + " : " + what).orElse(what);
    }

    /** The name the rule binds the pattern at {@code index} to, if any. */
    private static Optional<String> binding(int index, List<Declaration> declarations) {
        return declarations.stream()
                .filter(d -> d.getTupleIndex() == index && d.getIdentifier().startsWith("$"))
                .sorted(Comparator.comparing((Declaration d) -> !d.isPatternDeclaration()))
                .map(Declaration::getIdentifier)
                .findFirst();
    }

    private static String typeName(ObjectType type) {
        return type instanceof ClassObjectType cls ? cls.getClassType().getSimpleName() : String.valueOf(type);
    }
}

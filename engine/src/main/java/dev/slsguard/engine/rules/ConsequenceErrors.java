package dev.slsguard.engine.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * The rule base's consequence exception handler: instead of aborting the session, it records the
 * failing match and the exception in the session's environment, and the session goes on firing the
 * other rules. {@link RuleBase#run} turns the records into error findings. Drools creates it by
 * class name for each session, so it is public and keeps no state of its own.
 */
public final class ConsequenceErrors implements ConsequenceExceptionHandler {

    static final String KEY = "dev.slsguard.engine.rules.ConsequenceErrors";

    /** A consequence that threw: its rule, the facts of the match it fired for, and the exception. */
    record Thrown(Rule rule, List<Object> matched, Exception exception) {
    }

    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        if (!(runtime instanceof KieRuntime kieRuntime) || !(kieRuntime.getEnvironment().get(KEY)
                instanceof List<?>)) {
            throw new IllegalStateException("consequence of rule " + match.getRule().getName() + " failed",
                    exception);
        }
        List<Object> matched = new ArrayList<>();
        for (Object o : match.getObjects()) {
            if (o != null) {
                matched.add(o);
            }
        }
        thrown(kieRuntime).add(new Thrown(match.getRule(), matched, exception));
    }

    @SuppressWarnings("unchecked")
    static List<Thrown> thrown(KieRuntime runtime) {
        return (List<Thrown>) runtime.getEnvironment().get(KEY);
    }

    /** A fresh list for a session's environment. */
    static List<Thrown> newList() {
        return new ArrayList<>();
    }

    /**
     * What the rule threw, as {@code ExceptionClass: message}, unwrapping the exceptions Drools and
     * MVEL wrap around the one the consequence threw.
     */
    static String describe(Throwable exception) {
        Throwable e = exception;
        while (e.getCause() != null && e.getCause() != e && isWrapper(e)) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return e.getClass().getSimpleName() + message;
    }

    private static boolean isWrapper(Throwable e) {
        String name = e.getClass().getName();
        return name.startsWith("org.mvel2.") || name.startsWith("org.drools.") || name.startsWith("org.kie.")
                || e instanceof java.lang.reflect.InvocationTargetException
                || e instanceof java.lang.reflect.UndeclaredThrowableException
                || e.getClass() == RuntimeException.class && e.getMessage() != null && e.getCause() != null
                && e.getMessage().equals(e.getCause().toString());
    }
}

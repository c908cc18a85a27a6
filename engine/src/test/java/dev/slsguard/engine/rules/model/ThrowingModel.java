package dev.slsguard.engine.rules.model;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Severity;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;

/** An executable-model pack, written with the model DSL, whose first rule throws: stands for a built-in pack. */
public class ThrowingModel extends ModelImpl {

    public ThrowingModel() {
        Variable<Service> service = declarationOf(Service.class);
        Rule throwing = rule("dev.slsguard.test.precompiled", "throws")
                .metadata("id", "TST-THROW").metadata("severity", "note")
                .build(pattern(service), on(service).execute(s -> {
                    throw new IllegalStateException("cannot read " + s.name());
                }));
        Rule reporting = rule("dev.slsguard.test.precompiled", "reports")
                .metadata("id", "TST-OK").metadata("severity", "warning")
                .build(pattern(service), on(service).execute((drools, s) -> drools.insert(
                        new Finding("TST-OK", Severity.WARNING, "seen " + s.name(), s.ref(), "f"))));
        addRule(throwing);
        addRule(reporting);
    }
}

package dev.slsguard.rules;

import dev.slsguard.engine.rules.PrecompiledPacks;
import dev.slsguard.engine.rules.RuleBase;
import java.nio.file.Path;
import java.util.List;

/** The built-in rule packs of this jar, precompiled as Drools executable model by kie-maven-plugin. */
public final class BuiltInPacks {

    /** Where kie-maven-plugin lists the generated model classes ({@code <groupId>/<artifactId>}). */
    public static final String MODEL_LIST = "META-INF/kie/dev.slsguard/slsguard-rules/drools-model";

    private BuiltInPacks() {
    }

    /** The built-in packs, to pass to {@link RuleBase#load}. */
    public static PrecompiledPacks packs() {
        return new PrecompiledPacks(BuiltInPacks.class.getClassLoader(), MODEL_LIST);
    }

    /** The built-in packs plus the org packs under {@code orgPackDirs}, in one rule base. */
    public static RuleBase load(List<Path> orgPackDirs) {
        return RuleBase.load(List.of(packs()), orgPackDirs);
    }
}

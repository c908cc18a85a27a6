package dev.slsguard.engine.rules;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Compiles org rule packs (DRL, MVEL or Java dialect) at run time into an existing rule base, so
 * that they see the same facts as the built-in packs and fire in the same session.
 */
final class OrgPackCompiler {

    private OrgPackCompiler() {
    }

    /**
     * Adds every file to {@code kbase}; a file that does not compile, or that declares the package
     * of a pack already in {@code kbase} (its rules could silently replace built-in ones), is a
     * {@link UserError}.
     */
    static void compile(KieBase kbase, List<OrgPackFile> files) {
        if (files.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        kbase.getKiePackages().forEach(p -> taken.add(p.getName()));
        for (OrgPackFile file : files) {
            file.packageDeclaration().filter(p -> taken.contains(p.pointer())).ifPresent(p -> {
                throw new UserError(p, "rule pack uses the package " + p.pointer() + " of a built-in pack;"
                        + " declare a package of your own");
            });
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(kbase);
        CompositeKnowledgeBuilder batch = builder.batch();
        for (OrgPackFile file : files) {
            batch.add(file.resource(), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            throw error(builder.getErrors().iterator().next(), files);
        }
    }

    private static UserError error(KnowledgeBuilderError error, List<OrgPackFile> files) {
        Resource resource = error.getResource();
        String file = resource != null && resource.getSourcePath() != null ? resource.getSourcePath()
                : files.get(0).displayName();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : 1;
        int column = error instanceof ParserError parserError && parserError.getCol() >= 0
                ? parserError.getCol() + 1 : 1;
        return new UserError(new SourceRef(file, line, column, ""),
                "rule pack does not compile: " + firstLine(error.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                return line.trim();
            }
        }
        return "unknown error";
    }
}

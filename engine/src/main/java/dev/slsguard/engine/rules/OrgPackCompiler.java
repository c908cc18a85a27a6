package dev.slsguard.engine.rules;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.definition.KiePackage;
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
     * {@link UserError}. The files are compiled on their own into packages, which {@code cache}
     * keeps, and then added to {@code kbase}; on a cache hit they are not compiled at all.
     *
     * @return true when the packages came from the cache
     */
    static boolean compile(InternalKnowledgeBase kbase, List<OrgPackFile> files, OrgPackCache cache) {
        if (files.isEmpty()) {
            return false;
        }
        Set<String> taken = new HashSet<>();
        kbase.getKiePackages().forEach(p -> taken.add(p.getName()));
        for (OrgPackFile file : files) {
            file.packageDeclaration().filter(p -> taken.contains(p.pointer())).ifPresent(p -> {
                throw new UserError(p, "rule pack uses the package " + p.pointer() + " of a built-in pack;"
                        + " declare a package of your own");
            });
        }
        List<byte[]> contents = new ArrayList<>();
        files.forEach(f -> contents.add(f.bytes()));
        for (int i = 0; i < files.size(); i++) {
            PackInspection.check(files.get(i), contents.get(i));
        }
        Optional<Path> entry = cache.entry(files, contents);
        Optional<Collection<KiePackage>> cached = entry.flatMap(e -> OrgPackCache.read(e, kbase.getRootClassLoader()));
        if (cached.isPresent()) {
            kbase.addPackages(cached.get());
            return true;
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (int i = 0; i < files.size(); i++) {
            batch.add(files.get(i).resource(contents.get(i)), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            throw error(builder.getErrors().iterator().next(), files);
        }
        Collection<KiePackage> packages = builder.getKnowledgePackages();
        entry.ifPresent(e -> OrgPackCache.write(e, packages));
        kbase.addPackages(packages);
        return false;
    }

    private static UserError error(KnowledgeBuilderError error, List<OrgPackFile> files) {
        Resource resource = error.getResource();
        String file = resource != null && resource.getSourcePath() != null ? resource.getSourcePath()
                : files.get(0).displayName();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : 1;
        int column = error instanceof ParserError parserError && parserError.getCol() >= 0
                ? parserError.getCol() + 1 : 1;
        String message = firstLine(error.getMessage());
        Matcher at = PARSER_POSITION.matcher(message);
        if (at.lookingAt()) { // "Line 7:0 ...": the parser's own position, when the error carries none
            if (line == 1 && column == 1) {
                line = Math.max(1, Integer.parseInt(at.group(1)));
                column = Integer.parseInt(at.group(2)) + 1;
            }
            message = message.substring(at.end());
        }
        return new UserError(new SourceRef(file, line, column, ""), "rule pack does not compile: " + inWords(message));
    }

    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d{1,9}):(\\d{1,9}) ");

    /** The class named in Drools' "Unable to wire compiled classes ... ClassNotFoundException: a/b/C". */
    private static final Pattern UNLOADABLE_CLASS = Pattern.compile("ClassNotFoundException: (.{1,300})$");

    /**
     * The parser's text without the Java exception it may append ("... Exception: java.lang.NullPointerException:
     * ... Stack trace:"), which says nothing about the pack.
     */
    private static String inWords(String message) {
        if (message.startsWith("Unable to wire compiled classes")) {
            // Drools compiled the pack's classes but cannot load them back: its package name is one no
            // Java class can have (a space before the semicolon, say)
            Matcher name = UNLOADABLE_CLASS.matcher(message);
            return "the classes compiled from it cannot be loaded"
                    + (name.find() ? " (" + name.group(1).replace('/', '.') + ")" : "")
                    + "; check that the package line names a Java package: letters, digits, _ and dots only";
        }
        int exception = message.indexOf(" Exception: ");
        String text = exception < 0 ? message : message.substring(0, exception).trim();
        text = text.replace("unexpected exception at input '<eof>'", "unexpected end of file");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
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

package dev.slsguard.engine.rules;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;

/**
 * One {@code .drl} file of an org rule pack.
 *
 * @param path        the file
 * @param displayName the directory as the user gave it plus the file's path below it, with
 *                    {@code /} separators ({@code org-rules/iam/passrole.drl}); used in locations
 * @param pack        the index of its pack directory among those loaded
 */
record OrgPackFile(Path path, String displayName, int pack) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");

    /** Every {@code *.drl} under each directory, recursively, sorted by path within a directory. */
    static List<OrgPackFile> list(List<Path> directories) {
        List<OrgPackFile> files = new ArrayList<>();
        for (int index = 0; index < directories.size(); index++) {
            Path dir = directories.get(index);
            int pack = index;
            String shown = dir.toString().replace('\\', '/');
            if (!Files.isDirectory(dir)) {
                throw new UserError(SourceRef.ofFile(shown), "rule pack directory not found: " + shown);
            }
            List<OrgPackFile> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                // a pipe or device named *.drl is listed, and refused by name when read (never skipped unseen)
                walk.filter(p -> p.getFileName().toString().endsWith(".drl") && !Files.isDirectory(p))
                        .forEach(p -> found.add(new OrgPackFile(p, join(shown, dir.relativize(p)), pack)));
            } catch (IOException | UncheckedIOException e) {
                IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                throw new UserError(SourceRef.ofFile(shown), "cannot read rule pack directory " + shown
                        + ": " + InputFile.reason(cause), e);
            }
            if (found.isEmpty()) {
                throw new UserError(SourceRef.ofFile(shown), "no .drl files under rule pack directory " + shown);
            }
            found.sort(Comparator.comparing(OrgPackFile::displayName));
            files.addAll(found);
        }
        return files;
    }

    private static String join(String dir, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        return dir.endsWith("/") ? dir + rel : dir + "/" + rel;
    }

    /** The file as a Drools resource whose source path is {@link #displayName()}. */
    Resource resource() {
        return resource(bytes());
    }

    /** The file's content as a Drools resource whose source path is {@link #displayName()}. */
    Resource resource(byte[] content) {
        Resource resource = ResourceFactory.newByteArrayResource(content);
        resource.setSourcePath(displayName);
        return resource;
    }

    /** The file's content. */
    byte[] bytes() {
        return InputFile.readBytes(path, displayName, Limits.DEFAULT.maxFileBytes());
    }

    /** Where the file declares its package, with the package name as the pointer; empty when it declares none. */
    Optional<SourceRef> packageDeclaration() {
        List<String> lines = new String(bytes(), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = PACKAGE.matcher(lines.get(i));
            if (m.find()) {
                return Optional.of(new SourceRef(displayName, i + 1, m.start(1) + 1, m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The line where rule {@code ruleName} starts, found by parsing the file again. */
    OptionalInt ruleLine(String ruleName) {
        return ruleLine(resource(), ruleName);
    }

    /** The line where rule {@code ruleName} starts in the DRL text {@code drl}. */
    static OptionalInt ruleLine(byte[] drl, String ruleName) {
        return ruleLine(ResourceFactory.newByteArrayResource(drl), ruleName);
    }

    private static OptionalInt ruleLine(Resource drl, String ruleName) {
        try {
            PackageDescr descr = new DrlParser().parse(drl);
            if (descr != null) {
                for (RuleDescr rule : descr.getRules()) {
                    if (rule.getName().equals(ruleName)) {
                        return OptionalInt.of(Math.max(1, rule.getLine()));
                    }
                }
            }
        } catch (DroolsParserException | IOException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** Where rule {@code ruleName} is written: this file and its line when it can be found. */
    SourceRef ruleRef(String ruleName) {
        return new SourceRef(displayName, ruleLine(ruleName).orElse(1), 1, "");
    }
}

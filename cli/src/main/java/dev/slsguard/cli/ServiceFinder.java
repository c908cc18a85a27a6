package dev.slsguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The services below a directory for {@code check --recursive}: every directory with a
 * serverless.yml, serverless.yaml or serverless.json (the first of these, as for one service),
 * sorted by path, skipping {@code node_modules}, {@code .serverless}, hidden directories and what
 * {@code exclude:} of the directory's {@code .slsguard.yml} names; and every CloudFormation or SAM
 * template ({@code template.yaml}, {@code template.yml}, {@code template.json}, {@code *.template.json},
 * {@code *.template.yaml} / {@code .yml}, as {@code cdk synth} writes into {@code cdk.out}) whose content
 * says it is one.
 */
final class ServiceFinder {

    private static final List<String> NAMES = List.of("serverless.yml", "serverless.yaml", "serverless.json");
    private static final Set<String> SKIPPED = Set.of("node_modules", ".serverless");
    private static final Set<String> TEMPLATE_NAMES = Set.of("template.yaml", "template.yml", "template.json");
    private static final List<String> TEMPLATE_SUFFIXES = List.of(".template.json", ".template.yaml", ".template.yml");
    /** What a template has near its top: the format version, or a Resources section (YAML or JSON). */
    private static final Pattern TEMPLATE_CONTENT = Pattern.compile(
            "AWSTemplateFormatVersion|^(\\s*\\{)?\\s*\"?Resources\"?\\s*:", Pattern.MULTILINE);
    /** How much of a candidate file is read to tell whether it is a template. */
    private static final int SNIFFED = 64 * 1024;

    private ServiceFinder() {
    }

    /**
     * @param dir the directory given to {@code --recursive}
     * @param cwd the working directory (names the {@code .slsguard.yml} in errors)
     */
    static List<Path> find(Path dir, Path cwd) {
        Path root = dir.toAbsolutePath().normalize();
        List<PathMatcher> excluded = new ArrayList<>();
        Path[] base = {root};
        ProjectConfigReader.find(root).ifPresent(file -> {
            ProjectConfig config = ProjectConfigReader.read(file, Invocation.relativeName(cwd, file));
            base[0] = file.getParent();
            config.exclude().forEach(glob -> excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob)));
        });
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(root) && (SKIPPED.contains(name) || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    for (String candidate : NAMES) {
                        Path file = d.resolve(candidate);
                        if (Files.isRegularFile(file)) {
                            if (!isExcluded(file, base[0], excluded)) {
                                found.add(file);
                            }
                            break;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isTemplate(file) && !isExcluded(file, base[0], excluded)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    /** A serverless.yml, serverless.yaml or serverless.json (anything else given to check is a template). */
    static boolean isServiceFile(Path file) {
        return file.getFileName() != null && NAMES.contains(file.getFileName().toString());
    }

    /** A file named like a template whose beginning reads like one. */
    static boolean isTemplate(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!TEMPLATE_NAMES.contains(name) && TEMPLATE_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFFED), StandardCharsets.UTF_8);
            return TEMPLATE_CONTENT.matcher(head).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** A glob matches the file's path, or its directory's, relative to the {@code .slsguard.yml}. */
    private static boolean isExcluded(Path file, Path base, List<PathMatcher> excluded) {
        if (!file.startsWith(base)) {
            return false;
        }
        Path relativeFile = base.relativize(file);
        Path relativeDir = base.relativize(file.getParent());
        return excluded.stream().anyMatch(m -> m.matches(relativeFile)
                || (!relativeDir.toString().isEmpty() && m.matches(relativeDir)));
    }
}

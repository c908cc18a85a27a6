package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.junit.jupiter.api.Test;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * No built-in rule collects after a per-item pattern what it could collect once above it (see
 * {@link PerItemCollects}): 500 buckets x 15,000 resources once made 1.6 million tuples.
 */
class RuleShapeTest {

    private static final String PACKS = "dev/slsguard/rules";

    @Test
    void noBuiltInRuleRecomputesACollectForEachItem() {
        InternalKnowledgeBase kbase = builtInPacks();
        assertTrue(kbase.getReteooBuilder().getTerminalNodes().size() > 100, "the built-in packs did not load");
        List<PerItemCollects.Misplaced> found = PerItemCollects.in(kbase);
        Map<String, String> files = drlFiles();
        StringBuilder message = new StringBuilder(found.size()
                + " collects of built-in rules run once per item although they do not depend on it; move each"
                + " above the per-item pattern (it then runs once, and the matches stay the same):\n");
        for (PerItemCollects.Misplaced f : found) {
            message.append("  rule \"").append(f.rule()).append("\" (")
                    .append(files.getOrDefault(f.packageName() + '\u0000' + f.rule(), f.packageName()))
                    .append("): ").append(f.collect()).append(" after ").append(f.perItem()).append('\n');
        }
        assertTrue(found.isEmpty(), message.toString());
    }

    /** The shapes of the rules 4ccdaaa moved, written both ways, and the ones that must stay where they are. */
    private static final String PROBE = """
            package probe.shape;
            import dev.slsguard.engine.model.Service;
            import dev.slsguard.engine.model.Resource;
            import dev.slsguard.engine.model.Function;
            import java.util.List;

            rule "collect after each bucket"
            when
              $service : Service()
              $resource : Resource(type == "AWS::S3::Bucket")
              $facts : List() from collect(Resource())
            then
            end

            rule "collect hoisted above the bucket"
            when
              $service : Service()
              $facts : List() from collect(Resource())
              $resource : Resource(type == "AWS::S3::Bucket")
            then
            end

            rule "collect of the bucket's own resources"
            when
              $resource : Resource(type == "AWS::S3::Bucket")
              $facts : List() from collect(Resource(type == $resource.type))
            then
            end

            rule "collect after the service alone"
            when
              $service : Service()
              $functions : List() from collect(Function())
            then
            end

            rule "collect reading the service, after each bucket"
            when
              $service : Service()
              $resource : Resource(type == "AWS::S3::Bucket")
              $functions : List() from collect(Function(name != $service.name))
            then
            end

            rule "collect from the bucket itself"
            when
              $resource : Resource(type == "AWS::S3::Bucket")
              $names : List() from collect(String() from $resource.logicalId)
            then
            end

            rule "collect from the service, after each bucket"
            when
              $service : Service()
              $resource : Resource(type == "AWS::S3::Bucket")
              $names : List() from collect(String() from $service.name)
            then
            end

            rule "accumulate after a from"
            when
              $service : Service()
              $name : String() from $service.name
              $count : Number() from accumulate(Function(), count(1))
            then
            end
            """;

    @Test
    void aCollectAfterAPerItemPatternIsFoundAndAHoistedOrCorrelatedOneIsNot() {
        List<PerItemCollects.Misplaced> found = PerItemCollects.in(compile(PROBE));
        assertEquals(List.of("accumulate after a from", "collect after each bucket",
                        "collect from the service, after each bucket", "collect reading the service, after each bucket"),
                found.stream().map(PerItemCollects.Misplaced::rule).toList(), found.toString());
        PerItemCollects.Misplaced first = found.get(1);
        assertEquals("probe.shape", first.packageName());
        assertEquals("$resource : Resource", first.perItem());
        assertEquals("$facts : collect/accumulate over Resource", first.collect());
        assertEquals("$name : String() from \u2026", found.get(0).perItem());
        assertFalse(found.get(2).collect().contains("Resource"), found.get(2).collect());
    }

    /** The packs as the command line loads them: the models kie-maven-plugin generated. */
    private static InternalKnowledgeBase builtInPacks() {
        List<Model> models = new ArrayList<>();
        ClassLoader loader = BuiltInPacks.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(BuiltInPacks.MODEL_LIST)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("Drools-Model-Version:")) {
                    models.add((Model) Class.forName(name, true, loader).getConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** DRL compiled at run time, as org packs are. */
    private static InternalKnowledgeBase compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertFalse(builder.hasErrors(), () -> builder.getErrors().toString());
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
        kbase.addPackages(builder.getKnowledgePackages());
        return kbase;
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    /**
     * The DRL file of each built-in rule, by package and name, to name it in the message: the
     * executable model keeps no source path and the kjar no DRL, so the module's sources are read
     * (only the package and rule names; Maven runs tests in the module's directory).
     */
    private static Map<String, String> drlFiles() {
        Map<String, String> files = new HashMap<>();
        Path base = Path.of("src/main/resources");
        if (!Files.isDirectory(base.resolve(PACKS))) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(base.resolve(PACKS))) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(drl);
                Matcher pkg = PACKAGE.matcher(text);
                String packageName = pkg.find() ? pkg.group(1) : "";
                Matcher rule = RULE.matcher(text);
                while (rule.find()) {
                    files.put(packageName + '\u0000' + rule.group(1), base.relativize(drl).toString().replace('\\', '/'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

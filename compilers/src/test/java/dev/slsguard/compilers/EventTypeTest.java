package dev.slsguard.compilers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.compilers.events.EventCompiler;
import dev.slsguard.compilers.events.EventType;
import dev.slsguard.engine.model.Invocation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The event registry: v3's 22 keys, each compiler wired to its own type, the asynchronous ones. */
class EventTypeTest {

    @Test
    void holdsV3sTwentyTwoKeysOnceEachInPluginOrder() {
        assertEquals(22, EventType.keys().size());
        assertEquals(22, Set.copyOf(EventType.keys()).size());
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.of(type.key()).orElseThrow());
            assertEquals(type.ordinal(), type.pluginOrder());
        }
        assertEquals(0, EventType.SCHEDULE.pluginOrder());
        assertEquals(21, EventType.HTTP_API.pluginOrder());
    }

    @Test
    void everyCompilerCompilesTheTypeThatSuppliesIt() {
        for (EventType type : EventType.values()) {
            type.newCompiler().ifPresent(c -> assertEquals(type, c.eventType()));
        }
        Set<EventType> compiled = Arrays.stream(EventType.values()).filter(EventType::compiled)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        assertEquals(compiled, new ServerlessCompiler().compiledTypes());
        assertEquals(EventType.compilers().stream().map(EventCompiler::pluginOrder).sorted().toList(),
                EventType.compilers().stream().map(EventCompiler::pluginOrder).toList());
    }

    @Test
    void asynchronousTypesAreTheOnesLambdaQueues() {
        List<String> async = Arrays.stream(EventType.values()).filter(t -> t.invocation() == Invocation.ASYNC)
                .map(EventType::key).toList();
        assertEquals(List.of("schedule", "s3", "sns", "iot", "cloudwatchEvent", "cloudwatchLog", "eventBridge"), async);
    }

    /** A compiler class the registry cannot find by its name would never run: every one is found. */
    @Test
    void everyEventCompilerClassIsFoundByTheRegistry() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(EventCompiler.class.getResource("EventCompiler.class").toURI())
                .getParent();
        Set<String> classes;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("Compiler.class") && !n.contains("$") && !n.equals("EventCompiler.class"))
                    .map(n -> EventCompiler.class.getPackageName() + "." + n.substring(0, n.length() - 6))
                    .collect(Collectors.toSet());
        }
        Set<String> found = EventType.compilers().stream().map(c -> c.getClass().getName()).collect(Collectors.toSet());
        assertEquals(classes, found);
    }
}

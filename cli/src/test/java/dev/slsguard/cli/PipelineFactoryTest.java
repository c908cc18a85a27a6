package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code SLSGUARD_TODAY} fixes the day date-dependent rules (runtime deprecation) compare with. */
class PipelineFactoryTest {

    @Test
    void todayComesFromTheEnvironmentWhenSet() {
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)),
                PipelineFactory.evaluationDate(Map.of("SLSGUARD_TODAY", "2024-02-29")));
        assertEquals(Optional.empty(), PipelineFactory.evaluationDate(Map.of()));
        assertEquals(Optional.empty(), PipelineFactory.evaluationDate(Map.of("SLSGUARD_TODAY", " ")));
    }

    @Test
    void aValueThatIsNoDateIsAnInvocationError() {
        CliError error = assertThrows(CliError.class,
                () -> PipelineFactory.evaluationDate(Map.of("SLSGUARD_TODAY", "tomorrow")));
        assertEquals("SLSGUARD_TODAY=tomorrow: not a date (YYYY-MM-DD)", error.getMessage());
    }
}

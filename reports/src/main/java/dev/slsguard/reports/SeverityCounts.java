package dev.slsguard.reports;

import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import java.util.List;

/** How many findings there are of each severity. */
public record SeverityCounts(int errors, int warnings, int notes) {

    public static SeverityCounts of(List<Finding> findings) {
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
                default -> throw new IllegalStateException(f.severity().name());
            }
        }
        return new SeverityCounts(errors, warnings, notes);
    }

    public int of(Severity severity) {
        return switch (severity) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case NOTE -> notes;
        };
    }

    /** {@code 2 errors, 1 warning, 0 notes}. */
    public String summary() {
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

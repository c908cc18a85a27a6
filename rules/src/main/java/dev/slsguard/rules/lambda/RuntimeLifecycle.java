package dev.slsguard.rules.lambda;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One Lambda runtime's published lifecycle (AWS Lambda runtimes documentation): when it is
 * deprecated, when Lambda blocks creating and then updating functions that use it, and what to
 * move to.
 *
 * @param runtime     the runtime identifier ({@code nodejs18.x})
 * @param deprecated  the deprecation date: no more security patches or support
 * @param blockCreate from this date new functions with the runtime cannot be created
 * @param blockUpdate from this date existing functions with the runtime cannot be updated
 * @param successor   the runtime of the same language to move to, when a newer one exists
 * @param data        where the dates come from, for messages ({@code cfn-lint 1.51.0's
 *                    LmbdRuntimeLifecycle.json}, or slsguard's supplement for runtimes that file lacks)
 */
public record RuntimeLifecycle(String runtime, LocalDate deprecated, LocalDate blockCreate, LocalDate blockUpdate,
                               Optional<String> successor, String data) {

    /** Deprecated on {@code today}, but functions can still be created. */
    public boolean deprecatedOnly(LocalDate today) {
        return !deprecated.isAfter(today) && blockCreate.isAfter(today);
    }

    /** Lambda refuses to create functions with this runtime on {@code today}. */
    public boolean creationBlocked(LocalDate today) {
        return !blockCreate.isAfter(today);
    }

    /** Lambda refuses to update functions with this runtime on {@code today}. */
    public boolean updateBlocked(LocalDate today) {
        return !blockUpdate.isAfter(today);
    }

    /** "use nodejs24.x" or, for the newest runtime of its language, a general hint. */
    public String advice() {
        return successor.map(s -> "move to " + s).orElse("move to a supported runtime");
    }
}

package dev.slsguard.rules.lambda;

import dev.slsguard.engine.Timing;
import dev.slsguard.engine.io.DataLines;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated Lambda runtime lifecycle table ({@code lambda/runtime-lifecycle.tsv} beside the lambda
 * pack, generated from cfn-lint's {@code LmbdRuntimeLifecycle.json} by
 * {@code rules/tools/cfn-lint-data/build}), read once. Rules look a runtime up with {@link #of(String)}.
 */
public final class RuntimeLifecycles {

    static final String RESOURCE = "/dev/slsguard/rules/lambda/runtime-lifecycle.tsv";

    private static volatile Map<String, RuntimeLifecycle> table;

    private RuntimeLifecycles() {
    }

    /** The runtime's lifecycle as a list of zero or one (for DRL {@code from}); unknown runtimes have none. */
    public static List<RuntimeLifecycle> of(String runtime) {
        RuntimeLifecycle life = table().get(runtime);
        return life == null ? List.of() : List.of(life);
    }

    /** Every runtime in the table, by identifier. */
    public static Map<String, RuntimeLifecycle> table() {
        Map<String, RuntimeLifecycle> loaded = table;
        if (loaded == null) {
            synchronized (RuntimeLifecycles.class) {
                if (table == null) {
                    table = Timing.time("data: runtime lifecycles", RuntimeLifecycles::load);
                }
                loaded = table;
            }
        }
        return loaded;
    }

    private static Map<String, RuntimeLifecycle> load() {
        Map<String, RuntimeLifecycle> rows = new TreeMap<>();
        String cfnLintVersion = null;
        for (String line : DataLines.of(RuntimeLifecycles.class, RESOURCE)) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 3 && cells[0].equals("source") && cells[1].equals("cfn-lint")) {
                cfnLintVersion = cells[2];
                continue;
            }
            if (cells.length != 6 || cfnLintVersion == null) {
                throw new IllegalStateException(RESOURCE + ": expected a source line, then 6 columns: " + line);
            }
            Optional<String> successor = cells[4].equals("-") ? Optional.empty() : Optional.of(cells[4]);
            String data = switch (cells[5]) {
                case "cfn-lint" -> "cfn-lint " + cfnLintVersion + "'s LmbdRuntimeLifecycle.json";
                case "supplement" -> "the AWS Lambda runtimes page (slsguard's supplement to cfn-lint "
                        + cfnLintVersion + "'s data)";
                default -> throw new IllegalStateException(RESOURCE + ": unknown data column: " + line);
            };
            rows.put(cells[0], new RuntimeLifecycle(cells[0], LocalDate.parse(cells[1]), LocalDate.parse(cells[2]),
                    LocalDate.parse(cells[3]), successor, data));
        }
        return java.util.Collections.unmodifiableMap(rows);
    }
}

package dev.slsguard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments {@code check} and {@code compile} share. */
final class ServiceOptions {

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Service directory or its serverless.yml / .yaml / .json (default: the current "
                    + "directory); check takes several.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "STAGE", description = "Stage, as for `sls package --stage` (default: dev).")
    String stage;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region, as for `sls package --region` (default: us-east-1).")
    String region;

    @Option(names = "--param", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A value for $${param:KEY}; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--unresolved", paramLabel = "MODE", defaultValue = "strict",
            description = "A missing $${file()}, an unset $${env:} or missing $${opt:} without fallback, or an unknown "
                    + "variable source: strict stops the service's analysis, as Serverless Framework v3 does; placeholder "
                    + "keeps it as a visible placeholder, like $${ssm:}, with a note (default: ${DEFAULT-VALUE}, or "
                    + "unresolved: in .slsguard.yml).")
    Unresolved unresolved = Unresolved.STRICT;

    @Option(names = "--rule", paramLabel = "ID",
            description = "Report only findings of this rule: an id, a glob of ids (SLS-IAM-*) or a peer tool's id "
                    + "(CKV_AWS_49, checkov:CKV_AWS_49); repeatable.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--skip-rule", paramLabel = "ID",
            description = "Leave out the findings of this rule (id, glob or peer tool's id, as for --rule); repeatable.")
    List<String> skipRules = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of .drl org rule packs; repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Where to write the outputs (default: .slsguard/ beside the configuration file).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "What to print on standard output: text, json, sarif, html or junit (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at least this severe: error, warning, note or never "
                    + "(default: ${DEFAULT-VALUE}).")
    FailOn failOn = FailOn.ERROR;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the current findings to FILE, to pass later as --baseline.")
    Path writeBaseline;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Only findings not in this baseline (see --write-baseline) count toward the exit code.")
    Path baseline;

    @Option(names = "--rule-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop a rule session after this many seconds; the rule then firing gets an error "
                    + "finding (default: ${DEFAULT-VALUE}).")
    void ruleTimeout(long seconds) {
        if (seconds < 1 || seconds > 86_400) {
            throw new CliError("--rule-timeout " + seconds + ": give a number of seconds from 1 to 86400");
        }
        ruleTimeout = seconds;
    }

    long ruleTimeout = 60;

    @Option(names = "--no-env", description = "Resolve no $${env:NAME} (each stays a placeholder): for runs on "
            + "untrusted changes, so that no environment value can be read back from the output.")
    boolean noEnv;

    @Option(names = PipelineFactory.NO_CACHE, description = PipelineFactory.NO_CACHE_HELP)
    boolean noCache;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    /** Read by {@link Main} before parsing; declared so that picocli accepts it. */
    @Option(names = Main.DEBUG_TIMING, hidden = true, description = "Print where the run spent its time on standard error.")
    boolean debugTiming;
}

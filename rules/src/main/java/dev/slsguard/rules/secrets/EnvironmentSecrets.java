package dev.slsguard.rules.secrets;

import dev.slsguard.engine.model.Function;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variables whose value is a credential written into the configuration: a secret-like
 * name with a literal value, or a value that looks like a credential whatever its name. Values that
 * refer to a secret elsewhere are not secrets: unresolved {@code ${ssm:}} / {@code ${secretsmanager:}}
 * placeholders, CloudFormation intrinsics and {@code {{resolve:...}}} references, ARNs, parameter paths.
 */
public final class EnvironmentSecrets {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_KEY|SIGNING_KEY");
    /** Names that hold where a secret is, not the secret ({@code DB_SECRET_ARN}, {@code TOKEN_TABLE}). */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            ".*_(ARN|NAME|ID|TABLE|BUCKET|QUEUE|TOPIC|URL|URI|PATH|PARAM|PARAMETER|HEADER|REGION|TTL|EXPIRY"
            + "|EXPIRATION|LENGTH|FILE|ENDPOINT|SECONDS|MINUTES|HOURS|DAYS|ENABLED|TYPE|VERSION|ALIAS)");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern KNOWN_TOKEN = Pattern.compile(
            "\\b(gh[pousr]_[A-Za-z0-9]{36}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_-]{20})");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
    private static final Pattern PARAMETER_PATH = Pattern.compile("^/[A-Za-z0-9_.\\-/]+$");

    /** A deploy-time SSM reference ({@code ${ssm:/path}}, {@code ${ssm(raw):/path}}, with a region too). */
    private static final Pattern SSM_REFERENCE = Pattern.compile("\\$\\{ssm(?:\\([^)]*\\))?:\\s*([^,}\\s]+)");
    /** Parameter paths that name a secret ({@code /prod/db/password}, Secrets Manager through SSM). */
    private static final Pattern SECRET_PATH = Pattern.compile(
            "(?i)^/aws/reference/secretsmanager/|password|passwd|secret|token|api[-_]?key|private[-_]?key|credential");

    private EnvironmentSecrets() {
    }

    /**
     * Variables set from an SSM parameter (or a Secrets Manager secret through SSM) that holds a
     * secret, judged by the variable's or the parameter's name: Serverless Framework resolves
     * {@code ${ssm:}} when it packages the service (SecureStrings decrypted) and writes the plain value
     * into the template and the function's configuration. The reason is the parameter's path.
     */
    public static List<EnvironmentSecret> resolvedAtDeploy(Function function, Service service) {
        return variables(function, service, EnvironmentSecrets::secretParameter);
    }

    /**
     * Secrets the function's environment gets: from {@code provider.environment} (named the same for
     * every function, so reported once) and from its own {@code environment}.
     */
    public static List<EnvironmentSecret> of(Function function, Service service) {
        return variables(function, service, EnvironmentSecrets::reason);
    }

    /** The variables of {@code provider.environment} and the function's own whose text {@code judge} has a reason for. */
    private static List<EnvironmentSecret> variables(Function function, Service service,
                                                     BiFunction<String, String, Optional<String>> judge) {
        List<EnvironmentSecret> found = variables(service.config().at("provider", "environment"),
                "provider.environment.", "", judge);
        found.addAll(variables(function.config().get("environment"), "environment variable ",
                " of function " + function.key(), judge));
        return found;
    }

    private static List<EnvironmentSecret> variables(Optional<Node> environment, String prefix, String suffix,
                                                     BiFunction<String, String, Optional<String>> judge) {
        List<EnvironmentSecret> found = new ArrayList<>();
        if (environment.isEmpty() || !(environment.get() instanceof MapNode map)) {
            return found;
        }
        for (MapNode.Field field : map.fields()) {
            if (field.value() instanceof ScalarNode scalar && scalar.value() instanceof String value) {
                judge.apply(field.key(), value).ifPresent(r -> found.add(
                        new EnvironmentSecret(prefix + field.key() + suffix, r, scalar.ref())));
            }
        }
        return found;
    }

    /** The SSM parameter a variable is set from at deploy time, when the variable's or the parameter's name says it is a secret. */
    static Optional<String> secretParameter(String name, String value) {
        Matcher m = SSM_REFERENCE.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        String path = m.group(1);
        String upper = name.toUpperCase(Locale.ROOT);
        boolean secretName = SECRET_NAME.matcher(upper).find() && !REFERENCE_NAME.matcher(upper).matches();
        return secretName || SECRET_PATH.matcher(path).find() ? Optional.of(path) : Optional.empty();
    }

    /** Why the value is a secret, if it is one. */
    static Optional<String> reason(String name, String value) {
        String text = value.trim();
        if (text.isEmpty() || isReference(text)) {
            return Optional.empty();
        }
        if (ACCESS_KEY_ID.matcher(text).find()) {
            return Optional.of("its value is an AWS access key id");
        }
        if (PRIVATE_KEY.matcher(text).find()) {
            return Optional.of("its value is a private key");
        }
        if (KNOWN_TOKEN.matcher(text).find()) {
            return Optional.of("its value is an access token");
        }
        if (URL_WITH_PASSWORD.matcher(text).find()) {
            return Optional.of("its value is a URL with a password in it");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (SECRET_NAME.matcher(upper).find() && !REFERENCE_NAME.matcher(upper).matches()
                && text.length() >= 6 && !PARAMETER_PATH.matcher(text).matches() && !isFlag(text)) {
            return Optional.of("its name says it is a secret and its value is given as a literal, which ends up in the template");
        }
        if (highEntropy(text)) {
            return Optional.of("its value is a long random string, like a key or token");
        }
        return Optional.empty();
    }

    /** A value that points at a secret stored elsewhere. */
    private static boolean isReference(String text) {
        return text.contains("${") || text.contains("{{resolve:") || text.startsWith("arn:");
    }

    private static boolean isFlag(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") || text.equalsIgnoreCase("none")
                || text.equalsIgnoreCase("changeme") || text.equalsIgnoreCase("disabled");
    }

    /** At least 32 characters without spaces, letters and digits, and more than 4.5 bits of entropy per character. */
    static boolean highEntropy(String text) {
        if (text.length() < 32 || text.chars().anyMatch(Character::isWhitespace) || text.contains("://")
                || PARAMETER_PATH.matcher(text).matches()) {
            return false;
        }
        boolean letters = text.chars().anyMatch(Character::isLetter);
        boolean digits = text.chars().anyMatch(Character::isDigit);
        if (!letters || !digits) {
            return false;
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        text.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy > 4.5;
    }
}

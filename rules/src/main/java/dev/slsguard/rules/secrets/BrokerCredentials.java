package dev.slsguard.rules.secrets;

import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The credentials of the event sources Lambda reads through a broker (kafka, msk, activemq,
 * rabbitmq): each is a Secrets Manager secret that Lambda reads, given by its ARN. Finds the ones
 * written into the service instead, and self-managed Kafka read without authentication.
 */
public final class BrokerCredentials {

    /** The {@code accessConfigurations} of a kafka event that authenticate Lambda to the brokers. */
    public static final Set<String> KAFKA_AUTH = Set.of("saslPlainAuth", "saslScram256Auth", "saslScram512Auth",
            "clientCertificateTlsAuth");

    /** The characters of a Secrets Manager secret name: a value made of them names a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]+");
    private static final Pattern CERTIFICATE = Pattern.compile("-----BEGIN [A-Z ]+-----");

    private BrokerCredentials() {
    }

    /** A credential slot holding what looks like the credential itself, with why. */
    public record WrittenCredential(Setting value, String option, String reason) {
    }

    /**
     * The credential slots of a broker event whose value is the credential itself rather than a
     * reference to the secret: a certificate or key, {@code user:password}, a JSON document, or text
     * that cannot be a secret name. ARNs, intrinsics, unresolved variables and secret names are not.
     */
    public static List<WrittenCredential> written(EventDecl event) {
        List<WrittenCredential> out = new ArrayList<>();
        Setting options = event.options();
        switch (event.type()) {
            case "kafka" -> {
                for (Setting slot : options.get("accessConfigurations").members()) {
                    if (KAFKA_AUTH.contains(slot.name())) {
                        values(slot).forEach(v -> check(v, "accessConfigurations." + slot.name(), out));
                    }
                }
            }
            case "msk" -> check(options.get("saslScram512"), "saslScram512", out);
            case "activemq", "rabbitmq" -> check(options.get("basicAuthArn"), "basicAuthArn", out);
            default -> {
            }
        }
        return out;
    }

    /** The kafka event's authentication options, by name ({@code saslPlainAuth} ...). */
    public static List<String> kafkaAuthentication(EventDecl event) {
        return event.options().get("accessConfigurations").keys().stream().filter(KAFKA_AUTH::contains)
                .filter(k -> event.options().at("accessConfigurations", k).truthy()).toList();
    }

    /** True when the kafka event gives a server root CA certificate (so the connection uses TLS). */
    public static boolean kafkaTls(EventDecl event) {
        return event.options().at("accessConfigurations", "serverRootCaCertificate").truthy();
    }

    private static List<Setting> values(Setting slot) {
        return slot.isList() ? slot.items() : List.of(slot);
    }

    private static void check(Setting value, String option, List<WrittenCredential> out) {
        if (!value.isText() || value.unresolved()) {
            return;
        }
        reason(value.textOr("")).ifPresent(r -> out.add(new WrittenCredential(value, option, r)));
    }

    /** Why a credential slot's text is the credential itself, if it is. */
    static Optional<String> reason(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("arn:") || trimmed.startsWith("{{resolve:")) {
            return Optional.empty();
        }
        if (CERTIFICATE.matcher(trimmed).find()) {
            return Optional.of("a certificate or key in PEM form");
        }
        if (trimmed.startsWith("{")) {
            return Optional.of("a JSON document, like the secret's own value");
        }
        if (trimmed.matches("[^\\s:]+:[^\\s]+")) {
            return Optional.of("a user name and password");
        }
        if (!SECRET_NAME.matcher(trimmed).matches() || EnvironmentSecrets.highEntropy(trimmed)) {
            return Optional.of("text that is not a secret's name or ARN");
        }
        return Optional.empty();
    }
}

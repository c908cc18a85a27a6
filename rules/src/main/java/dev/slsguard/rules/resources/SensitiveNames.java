package dev.slsguard.rules.resources;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a resource's name suggests personal, payment, health or credential data: then an AWS
 * owned key is not enough and a customer managed key (whose key policy says who may decrypt) is
 * worth a note.
 */
public final class SensitiveNames {

    private static final Set<String> WORDS = Set.of("pii", "personal", "person", "people", "payment", "card",
            "cardholder", "billing", "invoice", "bank", "banking", "customer", "user", "patient", "health",
            "medical", "ssn", "tax", "salary", "payroll", "secret", "credential", "password", "token", "session",
            "identity", "kyc", "passport");

    private SensitiveNames() {
    }

    /** The first word of {@code names} (logical id, physical name ...) that suggests sensitive data. */
    public static Optional<String> word(String... names) {
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^A-Za-z0-9]+", " ");
            for (String word : spaced.toLowerCase(Locale.ROOT).split(" ")) {
                String singular = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
                if (WORDS.contains(word) || WORDS.contains(singular)) {
                    return Optional.of(word);
                }
            }
        }
        return Optional.empty();
    }

    /** The word of the resource's logical id or of the literal name in {@code nameProperty} (none or one, for {@code from}). */
    public static List<String> of(TemplateResource resource, String nameProperty) {
        return word(resource.id(), resource.property(nameProperty).text().orElse(null)).stream().toList();
    }
}

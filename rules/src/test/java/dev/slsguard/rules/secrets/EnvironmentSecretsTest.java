package dev.slsguard.rules.secrets;

import dev.slsguard.rules.TestPipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.Finding;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What SLS-SEC-001 takes for a secret, and that its messages name the variable, never the value. */
class EnvironmentSecretsTest {

    @Test
    void referencesAreNotSecrets() {
        for (String value : List.of("${ssm:/prod/db/password}", "{{resolve:secretsmanager:prod/db:SecretString:pw}}",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "/prod/db/password", "true")) {
            assertEquals(Optional.empty(), EnvironmentSecrets.reason("DB_PASSWORD", value), value);
        }
        assertEquals(Optional.empty(), EnvironmentSecrets.reason("DB_SECRET_ARN", "prod-db-secret"));
        assertEquals(Optional.empty(), EnvironmentSecrets.reason("COMMIT", "3f786850e387550fdab836ed7e6dc881de23001b"));
        assertEquals(Optional.empty(), EnvironmentSecrets.reason("REQUEST_ID", "550e8400-e29b-41d4-a716-446655440000"));
    }

    @Test
    void credentialsAreSecretsWhateverTheirName() {
        assertEquals(Optional.of("its value is an AWS access key id"),
                EnvironmentSecrets.reason("UPLOADER", "AKIAIOSFODNN7EXAMPLE"));
        assertEquals(Optional.of("its value is a private key"),
                EnvironmentSecrets.reason("PEM", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow..."));
        assertEquals(Optional.of("its value is a URL with a password in it"),
                EnvironmentSecrets.reason("DATABASE", "postgres://app:pa55word@db.internal:5432/app"));
        assertTrue(EnvironmentSecrets.reason("X", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").isPresent());
        assertTrue(EnvironmentSecrets.reason("DB_PASSWORD", "hunter2-prod").isPresent());
    }

    @Test
    void messagesNameTheVariableNeverTheValue() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/fixtures/secrets/environment-secrets/serverless.yml").toURI());
        List<Finding> secrets = TestPipeline.analyse(fixture).findings().stream()
                .filter(f -> f.ruleId().equals("SLS-SEC-001")).toList();
        assertEquals(5, secrets.size(), secrets.toString());
        for (Finding f : secrets) {
            for (String value : List.of("hunter2", "sk_live_", "AKIA", "q8Xz2LmN", "s3cr3t")) {
                assertFalse(f.message().contains(value), f.message());
            }
        }
        assertTrue(secrets.stream().anyMatch(f -> f.message().startsWith(
                "environment variable STRIPE_API_KEY of function api holds a secret:")), secrets.toString());
        assertTrue(secrets.stream().anyMatch(f -> f.message().startsWith("provider.environment.DB_PASSWORD holds a secret:")),
                secrets.toString());
    }
}

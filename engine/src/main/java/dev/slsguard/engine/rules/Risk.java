package dev.slsguard.engine.rules;

import dev.slsguard.engine.model.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * What a security rule's finding lets an attacker do, set with a rule's {@code @risk} metadata: the
 * harm decides the rule's default level and its SARIF {@code security-severity} (the score GitHub
 * code scanning ranks alerts by: critical from 9.0, high from 7.0, medium from 4.0, low below), so
 * that a wider grant is never ranked below a narrower one and a typo never becomes a security alert.
 * Rules that are not about security (schema, parity, validation, deprecation, reliability) have no
 * risk, no {@code security-severity} and no {@code security} tag.
 */
public enum Risk {

    /** Full control of the account: {@code *} on {@code *}, AdministratorAccess attached. */
    ADMINISTRATOR("administrator", "9.5", "full control of the account"),
    /** Anyone, in any account, can act as the role (a trust policy open to every principal). */
    ROLE_TAKEOVER("role-takeover", "9.0", "anyone can assume the role"),
    /** Anyone can read, change or use a resource: a bucket, queue, key or secret policy open to every principal, a public ACL. */
    PUBLIC_ACCESS("public-access", "9.0", "anyone can read, change or use the resource"),
    /**
     * Every action on named resources ({@code Action: "*"} or {@code NotAction}), including deleting
     * them, rewriting their policies and, on a role, escalating: ranked above each of those, which the
     * narrower rules report for narrower grants, so that the wider grant is never ranked lower.
     */
    FULL_CONTROL("full-control", "8.9", "every action on the resources, including their deletion and policies"),
    /** The function can obtain permissions it was not given (iam:PassRole on *, iam:PutRolePolicy ...). */
    PRIVILEGE_ESCALATION("privilege-escalation", "8.8", "the function can grant itself more permissions"),
    /** The function can change who may access resources of a whole service (s3:PutBucketPolicy on *). */
    PERMISSIONS_MANAGEMENT("permissions-management", "8.5", "the function can open any resource of a service to others"),
    /** The function can obtain credentials or secrets beyond its own (sts:AssumeRole on *, a secret in plain text). */
    CREDENTIAL_EXPOSURE("credential-exposure", "8.2", "credentials or secrets readable beyond their owner"),
    /** A database, broker or port reachable from the whole internet, guarded by its credentials alone. */
    NETWORK_EXPOSURE("network-exposure", "8.0", "reachable from the whole internet"),
    /** The function can read or change the data of every resource of a service (s3:GetObject on *). */
    DATA_ACCESS("data-access", "7.5", "the data of every resource of a service"),
    /** Anyone, or any account, can invoke the function or put events where it listens. */
    PUBLIC_INVOCATION("public-invocation", "7.5", "anyone can invoke the function"),
    /** Exposure that needs something more to exploit: an unauthenticated URL, CORS with credentials, a plain-text secret at deploy time. */
    EXPOSURE("exposure", "6.0", "access wider than intended, given a second step"),
    /** Grants broader than the function needs that open no single dangerous path (svc:*, Resource "*" on scopable actions). */
    BROAD_SCOPE("broad-scope", "5.0", "grants wider than the function needs"),
    /** Data stored or sent without encryption, readable by whoever reaches the storage or the network. */
    UNENCRYPTED("unencrypted", "4.5", "data stored or sent without encryption"),
    /** Hygiene: defence in depth that is missing (no customer managed key, a shared role, a public route by design). */
    HYGIENE("hygiene", "3.0", "missing defence in depth");

    private final String key;
    private final String score;
    private final String meaning;

    Risk(String key, String score, String meaning) {
        this.key = key;
        this.score = score;
        this.meaning = meaning;
    }

    /** The value written in {@code @risk}: {@code privilege-escalation}. */
    public String key() {
        return key;
    }

    /** SARIF {@code security-severity}, a CVSS-like score from 0.1 to 10.0 with one decimal: {@code 8.8}. */
    public String score() {
        return score;
    }

    /** What it allows, in a few words, for the rule table. */
    public String meaning() {
        return meaning;
    }

    /** GitHub's name for the score's band: {@code critical}, {@code high}, {@code medium} or {@code low}. */
    public String band() {
        double s = Double.parseDouble(score);
        return s >= 9.0 ? "critical" : s >= 7.0 ? "high" : s >= 4.0 ? "medium" : "low";
    }

    /** The default level of the rule's findings: critical and high fail the default gate, medium warns, low notes. */
    public Severity level() {
        return switch (band()) {
            case "critical", "high" -> Severity.ERROR;
            case "medium" -> Severity.WARNING;
            default -> Severity.NOTE;
        };
    }

    /** The risk named by {@code text} ({@link #key()}, case-insensitive), if any. */
    public static Optional<Risk> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Risk r : values()) {
            if (r.key.equals(wanted)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

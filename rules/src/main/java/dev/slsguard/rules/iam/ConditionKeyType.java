package dev.slsguard.rules.iam;

/**
 * The type of a condition key as the IAM data gives it.
 *
 * @param key  the key as the data writes it ({@code aws:RequestTag/${TagKey}}, {@code s3:prefix})
 * @param type {@code String}, {@code ArrayOfString}, {@code ARN}, {@code ArrayOfARN}, {@code Bool},
 *             {@code Numeric}, {@code Date}, {@code IPAddress} ...
 */
public record ConditionKeyType(String key, String type) {

    /** The key can hold several values in one request ({@code ArrayOf...}). */
    public boolean multiValued() {
        return type.startsWith("ArrayOf");
    }

    /** The key holds one value per request. */
    public boolean singleValued() {
        return !multiValued();
    }
}

package dev.slsguard.rules.iam;

import java.util.List;

/**
 * A resource type an IAM action accepts, as the service authorization reference lists it.
 *
 * @param name       the type's name ({@code object}, {@code table})
 * @param required   the action always needs a resource of this type
 * @param arnFormats its ARN formats ({@code arn:${Partition}:s3:::${BucketName}/${ObjectName}})
 */
public record ResourceType(String name, boolean required, List<String> arnFormats) {

    public ResourceType {
        arnFormats = List.copyOf(arnFormats);
    }

    /** The ARN (may contain {@code *} and {@code ?}) could name a resource of this type. */
    public boolean accepts(String arn) {
        for (String format : arnFormats) {
            if (ArnMatch.matches(format, arn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ARN pattern covers every resource of this type (in its partition, region and account):
     * {@code arn:aws:s3:::*}{@code /*} for objects, {@code arn:aws:dynamodb:*:*:table/*} for tables.
     */
    public boolean coveredBy(String arn) {
        for (String format : arnFormats) {
            if (ArnMatch.covers(arn, format)) {
                return true;
            }
        }
        return false;
    }

    /** The first ARN format, for messages. */
    public String arnFormat() {
        return arnFormats.isEmpty() ? name : arnFormats.get(0);
    }
}

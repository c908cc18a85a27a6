package dev.slsguard.engine.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code s3} event as compiled: a notification of a bucket the service creates, or (with
 * {@code existing: true}) of a bucket that already exists, configured at deploy time through the
 * framework's {@code Custom::S3} resource.
 *
 * @param function       the function key
 * @param functionIndex  the function's position in {@code functions:}
 * @param index          position in the function's {@code events:}
 * @param bucket         {@code bucket} as written (a name, or for existing buckets an intrinsic)
 * @param existing       {@code existing: true}: the bucket is not created by the service
 * @param event          the notification event type ({@code s3:ObjectCreated:*} when not given)
 * @param bucketName     the bucket's name: for a new bucket the name v3 creates (a
 *                       {@code provider.s3} definition's {@code name}, else {@code bucket}); for
 *                       an existing bucket given as a string, that string
 * @param definition     the {@code provider.s3} key the bucket refers to, for a new bucket
 * @param resourceId     logical id of the {@code AWS::S3::Bucket} (new) or {@code Custom::S3}
 *                       (existing) resource
 * @param permissionId   logical id of the {@code AWS::Lambda::Permission} letting S3 invoke the
 *                       function (new buckets; existing ones get it at deploy time)
 * @param options        the event value as written (a bucket name or a mapping), typed and located
 * @param ref            the event item's location
 * @param bucketRef      the bucket value's location
 */
public record S3Event(String function, int functionIndex, int index, CfnValue bucket, boolean existing,
                      String event, Optional<String> bucketName, Optional<String> definition, String resourceId,
                      Optional<String> permissionId, Setting options, SourceRef ref, SourceRef bucketRef) {

    /** The notification event when none is given. */
    public static final String DEFAULT_EVENT = "s3:ObjectCreated:*";

    /**
     * v3's {@code awsS3BucketName} pattern (lower-case letters, digits, hyphens, dot-separated
     * labels that start and end with a letter or digit, not an IP address), anchored like the
     * JavaScript original.
     */
    public static final Pattern BUCKET_NAME = Pattern.compile("(?!^(\\d{1,3}\\.){3}\\d{1,3}\\z)"
            + "(^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\\z)");

    /** Whether v3 accepts {@code name} as the name of a bucket it creates. */
    public static boolean validBucketName(String name) {
        return BUCKET_NAME.matcher(name).find();
    }
}

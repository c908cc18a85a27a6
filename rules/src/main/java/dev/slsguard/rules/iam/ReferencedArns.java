package dev.slsguard.rules.iam;

import dev.slsguard.engine.model.CfnValue;
import java.util.Map;
import java.util.Optional;

/**
 * The ARN that {@code !GetAtt X.Arn} or {@code !Ref X} stands for when {@code X} is a resource of the
 * template: one of its type, with a sample name ({@code arn:*:dynamodb:*:*:table/zq7} for an
 * {@code AWS::DynamoDB::Table}: one table, so no stream or index of it), so that checks of which
 * resources an action takes work on them as on a written ARN. Only types and attributes whose value
 * is an ARN of one shape are listed.
 */
public final class ReferencedArns {

    /** {@code type} + {@code "." + attribute} (or {@code ".Ref"}) to a sample of the ARN it gives. */
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table.Arn", "arn:*:dynamodb:*:*:table/zq7"),
            Map.entry("AWS::DynamoDB::Table.StreamArn", "arn:*:dynamodb:*:*:table/zq7/stream/zq7"),
            Map.entry("AWS::DynamoDB::GlobalTable.Arn", "arn:*:dynamodb:*:*:table/zq7"),
            Map.entry("AWS::SQS::Queue.Arn", "arn:*:sqs:*:*:zq7"),
            Map.entry("AWS::SNS::Topic.Ref", "arn:*:sns:*:*:zq7"),
            Map.entry("AWS::SNS::Topic.TopicArn", "arn:*:sns:*:*:zq7"),
            Map.entry("AWS::S3::Bucket.Arn", "arn:*:s3:::zq7"),
            Map.entry("AWS::Kinesis::Stream.Arn", "arn:*:kinesis:*:*:stream/zq7"),
            Map.entry("AWS::Lambda::Function.Arn", "arn:*:lambda:*:*:function:zq7"),
            Map.entry("AWS::KMS::Key.Arn", "arn:*:kms:*:*:key/zq7"),
            Map.entry("AWS::SecretsManager::Secret.Ref", "arn:*:secretsmanager:*:*:secret:zq7"),
            Map.entry("AWS::SecretsManager::Secret.Id", "arn:*:secretsmanager:*:*:secret:zq7"),
            Map.entry("AWS::StepFunctions::StateMachine.Ref", "arn:*:states:*:*:stateMachine:zq7"),
            Map.entry("AWS::StepFunctions::StateMachine.Arn", "arn:*:states:*:*:stateMachine:zq7"),
            Map.entry("AWS::Events::EventBus.Arn", "arn:*:events:*:*:event-bus/zq7"),
            Map.entry("AWS::IAM::Role.Arn", "arn:*:iam::*:role/zq7"),
            Map.entry("AWS::Logs::LogGroup.Arn", "arn:*:logs:*:*:log-group:zq7:*"));

    private ReferencedArns() {
    }

    /**
     * The pattern of the ARN {@code value} stands for, when it is {@code !GetAtt} or {@code !Ref} of a
     * template resource whose type (from {@code typeOf}: logical id to resource type) gives one.
     */
    public static Optional<String> of(CfnValue value, Map<String, String> typeOf) {
        String key;
        if (value instanceof CfnValue.GetAtt att) {
            key = typeOf.get(att.resource()) + "." + att.attribute();
        } else if (value instanceof CfnValue.Ref ref) {
            key = typeOf.get(ref.logicalId()) + ".Ref";
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(PATTERNS.get(key));
    }
}

package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * A Lambda function the framework adds to run one of its CloudFormation custom resources
 * ({@code Custom::S3} for existing buckets, {@code Custom::CognitoUserPool},
 * {@code Custom::EventBridge}, the API Gateway CloudWatch role). Derivation rules put the
 * statements it needs on its role.
 *
 * @param kind          which custom resource it serves; see the constants
 * @param logicalId     logical id of its {@code AWS::Lambda::Function}
 * @param functionName  its deployed name
 * @param role          logical id of the role the framework creates for it
 *                      ({@code IamRoleCustomResourcesLambdaExecution}); empty when
 *                      {@code provider.iam.deploymentRole} (or legacy {@code cfnRole}) is used,
 *                      in which case no statements are added
 * @param frameworkLogs {@code provider.logs.frameworkLambda}: it writes to its own log group
 * @param logGroupPrefix {@code /aws/lambda/<service>-<stage>}, the log groups its role may write to
 * @param compilerOrder v3's plugin order of the event compiler that added it
 * @param ref           the configuration that caused it (the first event needing it)
 */
public record CustomResourceFunction(String kind, String logicalId, String functionName, Optional<String> role,
                                     boolean frameworkLogs, String logGroupPrefix, int compilerOrder,
                                     SourceRef ref) {

    /** {@code Custom::S3}: notifications of existing S3 buckets. */
    public static final String S3 = "s3";
    /** {@code Custom::CognitoUserPool}: triggers of existing Cognito user pools. */
    public static final String COGNITO_USER_POOL = "cognitoUserPool";
    /** {@code Custom::EventBridge}: the legacy EventBridge integration. */
    public static final String EVENT_BRIDGE = "eventBridge";
    /** {@code Custom::ApiGatewayAccountRole}: the API Gateway account's CloudWatch role. */
    public static final String API_GATEWAY_CLOUD_WATCH_ROLE = "apiGatewayCloudWatchRole";
}

package dev.slsguard.engine.model;

import java.util.Optional;

/**
 * A {@code cognitoUserPool} event as compiled: a Lambda trigger of a user pool the service
 * creates ({@code AWS::Cognito::UserPool} with an {@code AWS::Lambda::Permission}), or of an
 * existing pool ({@code existing: true}), which the framework's custom-resource function
 * configures at deploy time ({@code Custom::CognitoUserPool}, one per function).
 *
 * @param function      the function key
 * @param functionIndex the function's position in {@code functions:}
 * @param index         position in the function's {@code events:}
 * @param pool          the user pool's name
 * @param trigger       the trigger source ({@code PreSignUp}, {@code CustomSMSSender} ...)
 * @param existing      whether the pool exists outside the service ({@code existing: true})
 * @param kmsKeyId      the KMS key Cognito encrypts codes for a custom sender with, when given
 * @param resourceId    logical id of the pool ({@code CognitoUserPool<Pool>}) or, for an existing
 *                      pool, of the function's {@code Custom::CognitoUserPool}
 * @param permissionId  logical id of the trigger's {@code AWS::Lambda::Permission} (new pools
 *                      only; the custom resource adds it for existing pools)
 * @param options       the event value as written, typed and located
 * @param ref           the event item's location
 * @param triggerRef    the location of the {@code trigger} value
 */
public record CognitoUserPoolEvent(String function, int functionIndex, int index, String pool, String trigger,
                                   boolean existing, Optional<CfnValue> kmsKeyId, String resourceId,
                                   Optional<String> permissionId, Setting options, SourceRef ref,
                                   SourceRef triggerRef) {

    /** Whether the trigger is a custom SMS or email sender (Cognito hands it codes encrypted with {@code kmsKeyId}). */
    public boolean customSender() {
        return trigger.equals("CustomSMSSender") || trigger.equals("CustomEmailSender");
    }
}

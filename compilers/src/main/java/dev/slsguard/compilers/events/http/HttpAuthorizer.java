package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An {@code http} event's authorizer after v3's normalisation ({@code getAuthorizer}); Java nulls
 * stand for JavaScript {@code undefined}.
 *
 * @param type                        as given (upper-cased only for {@code AWS_IAM})
 * @param name                        the function key, {@code name}, or derived from the ARN
 * @param arn                         the Lambda or Cognito ARN (a literal or an intrinsic)
 * @param managedExternally           no permission is created for it
 * @param authorizerId                an external authorizer's id
 * @param aliasLogicalId              the in-service authorizer function's alias
 * @param resultTtlInSeconds          the TTL (300 by default; null for the string form)
 * @param identitySource              the identity source, with v3's default
 * @param identityValidationExpression the expression, if any
 * @param claims                      Cognito claims ({@code []} by default; null for the string form)
 * @param scopes                      Cognito scopes
 */
record HttpAuthorizer(String type, String name, JsonNode arn, boolean managedExternally, JsonNode authorizerId,
                      Optional<String> aliasLogicalId, JsonNode resultTtlInSeconds, String identitySource,
                      JsonNode identityValidationExpression, JsonNode claims, JsonNode scopes) {

    String upperType() {
        return type == null ? "" : type.toUpperCase(java.util.Locale.ROOT);
    }

    /** A Cognito user pool authorizer: by type, or by a literal {@code cognito-idp} ARN. */
    boolean isCognito() {
        return upperType().equals("COGNITO_USER_POOLS") || isCognitoArn(arn);
    }

    static boolean isCognitoArn(JsonNode arn) {
        return arn != null && arn.isTextual() && arn.textValue().matches("^arn:[a-zA-Z-]*:cognito-idp.*");
    }
}

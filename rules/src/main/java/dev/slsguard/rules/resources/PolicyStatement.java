package dev.slsguard.rules.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a resource-based policy (a bucket, queue, topic, key, secret, repository, event
 * bus or search domain policy), or the one grant of an {@code AWS::Lambda::Permission} or of an
 * {@code AWS::Events::EventBusPolicy} without {@code Statement}, read as a statement: who
 * ({@code Principal}), what ({@code Action}) and under which condition. See {@link ResourcePolicies}.
 */
public final class PolicyStatement {

    /** How the grant is written. */
    public enum Form {
        /** A statement of a policy document. */
        DOCUMENT,
        /** {@code AWS::Lambda::Permission}: Principal, Action, SourceArn / SourceAccount / PrincipalOrgID. */
        LAMBDA_PERMISSION,
        /** {@code AWS::Events::EventBusPolicy} without Statement: Principal, Action, Condition. */
        BUS_PERMISSION
    }

    /**
     * Condition keys that restrict who can use an Allow to an account, an organisation, a source
     * resource or a network: with one of them (not {@code ...IfExists}, not only {@code "*"}) a
     * {@code Principal: "*"} is not open to everyone.
     */
    static final Set<String> NARROWING_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
            "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalaccount", "aws:principalarn", "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip",
            "aws:userid", "kms:calleraccount", "s3:dataaccesspointaccount", "s3:dataaccesspointarn");

    /** Condition keys that tie a service principal to the resource (or account) acting for it. */
    static final Set<String> SOURCE_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
            "aws:sourceorgid", "aws:sourceorgpaths");

    private static final Pattern ACCOUNT_ARN = Pattern.compile("^arn:[^:]+:(?:iam|sts)::(\\d{12}):.*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("^[A-Za-z0-9-]+:\\*$");

    private final TemplateResource resource;
    private final String service;
    private final Property statement;
    private final Form form;
    private final int index;

    PolicyStatement(TemplateResource resource, String service, Property statement, Form form, int index) {
        this.resource = resource;
        this.service = service;
        this.statement = statement;
        this.form = form;
        this.index = index;
    }

    /** The resource holding the policy. */
    public TemplateResource resource() {
        return resource;
    }

    /** The service whose resource the policy guards: s3, sqs, sns, kms, secretsmanager, ecr, events, lambda, es. */
    public String service() {
        return service;
    }

    public Form form() {
        return form;
    }

    /** The statement (for the permission forms, the resource's {@code Properties}). */
    public Property statement() {
        return statement;
    }

    /** An {@code Allow} (the permission forms always allow). */
    public boolean allows() {
        return form != Form.DOCUMENT || statement.get("Effect").textIs("Allow");
    }

    public Property principal() {
        return statement.get("Principal");
    }

    public Property notPrincipal() {
        return statement.get("NotPrincipal");
    }

    public Property action() {
        return statement.get("Action");
    }

    public Property notAction() {
        return statement.get("NotAction");
    }

    /** The principal entries that admit everyone: {@code "*"}, {@code AWS: "*"} or a {@code "*"} in its list. */
    public List<Property> anyone() {
        Property principal = principal();
        if (principal.textIs("*")) {
            return List.of(principal);
        }
        return principal.get("AWS").items().stream().filter(p -> p.textIs("*")).toList();
    }

    /** The AWS service principals ({@code sns.amazonaws.com}) named. */
    public List<Property> services() {
        Property principal = principal();
        if (form != Form.DOCUMENT) {
            return principal.text().filter(PolicyStatement::isServicePrincipal).isPresent() ? List.of(principal) : List.of();
        }
        return principal.get("Service").items().stream().filter(p -> p.text().isPresent()).toList();
    }

    /** The principal entries that name an account by its literal id (a bare id or an IAM or STS ARN). */
    public List<Property> literalAccounts() {
        Property principal = principal();
        List<Property> entries = form == Form.DOCUMENT ? principal.get("AWS").items() : List.of(principal);
        return entries.stream().filter(p -> account(p).isPresent()).toList();
    }

    /** The account a principal entry names literally, if it does. */
    public static Optional<String> account(Property entry) {
        Optional<String> text = entry.text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (ACCOUNT_ID.matcher(text.get()).matches()) {
            return text;
        }
        Matcher arn = ACCOUNT_ARN.matcher(text.get());
        return arn.matches() ? Optional.of(arn.group(1)) : Optional.empty();
    }

    /**
     * True when every principal is this stack's own account or one of its resources, named through
     * {@code AWS::AccountId} or {@code !GetAtt} (the statement a key policy needs to let IAM
     * policies of the account work).
     */
    public boolean onlyOwnAccount() {
        Property principal = principal();
        if (!principal.known() || !principal.json().isObject() || principal.json().size() != 1) {
            return false;
        }
        JsonNode aws = principal.json().path("AWS");
        if (aws.isArray()) {
            if (aws.isEmpty()) {
                return false;
            }
            for (JsonNode entry : aws) {
                if (!ownAccount(entry)) {
                    return false;
                }
            }
            return true;
        }
        return ownAccount(aws);
    }

    private static boolean ownAccount(JsonNode value) {
        if (!Property.isIntrinsic(value)) {
            return false;
        }
        String function = value.fieldNames().next();
        JsonNode argument = value.get(function);
        return switch (function) {
            case "Ref" -> argument.asText().equals("AWS::AccountId");
            case "Fn::GetAtt" -> true;
            case "Fn::Sub" -> (argument.isArray() ? argument.path(0) : argument).asText().contains("${AWS::AccountId}");
            case "Fn::Join" -> argument.path(1).isArray() && containsAccountRef(argument.path(1));
            default -> false;
        };
    }

    private static boolean containsAccountRef(JsonNode parts) {
        for (JsonNode part : parts) {
            if (part.isObject() && "AWS::AccountId".equals(part.path("Ref").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** The actions that are {@code "*"} or a whole service ({@code "sqs:*"}). */
    public List<Property> wildcardActions() {
        return action().items().stream()
                .filter(a -> a.textIs("*") || a.text().filter(t -> SERVICE_WILDCARD.matcher(t).matches()).isPresent())
                .toList();
    }

    /**
     * True when a condition restricts the principal to an account, organisation, source resource or
     * network (see {@link #NARROWING_KEYS}); also when the condition cannot be read offline. For a
     * Lambda permission: SourceArn, SourceAccount or PrincipalOrgID; for an event bus permission: any
     * Condition.
     */
    public boolean narrowed() {
        return switch (form) {
            case LAMBDA_PERMISSION -> statement.get("SourceArn").present() || statement.get("SourceAccount").present()
                    || statement.get("PrincipalOrgID").present();
            case BUS_PERMISSION -> statement.get("Condition").present();
            case DOCUMENT -> conditionNames(statement.get("Condition"), NARROWING_KEYS);
        };
    }

    /** True when a condition ties a service principal to its source (aws:SourceArn, aws:SourceAccount ...). */
    public boolean sourceScoped() {
        return form == Form.DOCUMENT ? conditionNames(statement.get("Condition"), SOURCE_KEYS) : narrowed();
    }

    /**
     * True when {@code condition} tests one of {@code keys} with something other than {@code "*"}, in
     * an operator that applies when the key is missing too (not {@code ...IfExists}, not {@code Null});
     * true also for any part that cannot be read offline.
     */
    private static boolean conditionNames(Property condition, Set<String> keys) {
        if (condition.unknown()) {
            return true;
        }
        for (Property operator : condition.members()) {
            if (operator.unknown()) {
                return true;
            }
            String name = operator.name();
            if (name.endsWith("IfExists") || name.equals("Null")) {
                continue;
            }
            for (Property test : operator.members()) {
                if (!keys.contains(test.name().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (test.unknown() || test.items().stream().anyMatch(v -> !v.textIs("*"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for an AWS service principal ({@code events.amazonaws.com}). */
    static boolean isServicePrincipal(String principal) {
        return principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn");
    }

    /**
     * The statement for a message: {@code statement AllowPartners of bucket policy UploadsPolicy} (by its
     * Sid), {@code statement 2 of ...}, or the resource itself for the permission forms and one-statement
     * policies.
     */
    public String label() {
        if (form != Form.DOCUMENT) {
            return resource.label();
        }
        Optional<String> sid = statement.get("Sid").text().filter(t -> !t.isBlank());
        if (sid.isPresent()) {
            return "statement " + sid.get() + " of " + resource.label();
        }
        return index >= 0 ? "statement " + (index + 1) + " of " + resource.label() : resource.label();
    }

    @Override
    public String toString() {
        return service + " " + statement;
    }
}

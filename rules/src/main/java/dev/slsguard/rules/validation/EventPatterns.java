package dev.slsguard.rules.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slsguard.engine.model.EventDecl;
import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.text.Spelling;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the event patterns of a service against AWS's pattern grammar: EventBridge patterns
 * ({@code eventBridge} pattern, {@code cloudwatchEvent} event), Lambda event filters
 * ({@code filterPatterns} of sqs, stream, kafka, msk, activemq and rabbitmq events) and SNS filter
 * policies. A value holding an unresolved variable or a CloudFormation intrinsic is skipped.
 */
public final class EventPatterns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The top-level fields of every EventBridge event (eb-events), and replay-name of replayed ones. */
    static final Set<String> ENVELOPE = Set.of("version", "id", "detail-type", "source", "account", "time",
            "region", "resources", "detail", "replay-name");

    /** Lambda's default number of filters per event source mapping (invocation-eventfiltering). */
    static final int DEFAULT_FILTERS = 5;

    private static final List<String> NUMERIC_OPERATORS = List.of("=", "<", "<=", ">", ">=");
    private static final Set<String> ANYTHING_BUT_OPERATORS = Set.of("prefix", "suffix", "equals-ignore-case", "wildcard");

    private EventPatterns() {
    }

    /** Every problem of the patterns of {@code event}, in document order. */
    public static List<PatternProblem> problems(EventDecl event) {
        Setting options = event.options();
        List<PatternProblem> problems = new ArrayList<>();
        switch (event.type()) {
            case "eventBridge" -> {
                Setting pattern = options.get("pattern");
                new Walk(PatternDialect.EVENTBRIDGE, "eventBridge pattern", true, Envelope.IN_OR, null, problems)
                        .pattern(pattern);
            }
            case "cloudwatchEvent" -> new Walk(PatternDialect.EVENTBRIDGE, "cloudwatchEvent event pattern", false,
                    Envelope.EVERYWHERE, null, problems).pattern(options.get("event"));
            case "sns" -> snsPolicy(options, problems);
            case "sqs", "stream", "kafka", "msk", "activemq", "rabbitmq" -> filters(event.type(), options, problems);
            default -> {
            }
        }
        return problems;
    }

    private static void snsPolicy(Setting options, List<PatternProblem> problems) {
        Setting policy = options.get("filterPolicy");
        new Walk(PatternDialect.SNS_FILTER, "sns filterPolicy", false, Envelope.NONE, null, problems).pattern(policy);
        Setting scope = options.get("filterPolicyScope");
        boolean attributes = !scope.present() || scope.textOr("").equals("MessageAttributes");
        if (attributes && policy.isMap() && !scope.unresolved()) {
            for (Setting attribute : policy.members()) {
                if (attribute.isMap() && !attribute.isIntrinsic()) {
                    problems.add(new PatternProblem(PatternProblem.NESTED_ATTRIBUTES, attribute.keyRef(),
                            "sns filterPolicy attribute " + attribute.name() + " holds nested properties, but a policy"
                                    + " on message attributes (filterPolicyScope MessageAttributes, the default) is one"
                                    + " level of attribute names, each with a list of values: SNS rejects it and"
                                    + " CloudFormation fails to create the subscription; set filterPolicyScope:"
                                    + " MessageBody to filter on the message's JSON body, or list values directly"));
                }
            }
        }
    }

    private static void filters(String type, Setting options, List<PatternProblem> problems) {
        Setting filters = options.get("filterPatterns");
        if (!filters.isList()) {
            return;
        }
        Optional<RecordShape> shape = RecordShape.of(type, options);
        List<Setting> items = filters.items();
        for (int i = 0; i < items.size(); i++) {
            String label = type + " filterPatterns item " + (i + 1);
            new Walk(PatternDialect.LAMBDA_FILTER, label, true, Envelope.NONE, shape.orElse(null), problems)
                    .pattern(items.get(i));
        }
        if (items.size() > DEFAULT_FILTERS && items.size() <= 10) {
            problems.add(new PatternProblem(PatternProblem.FILTER_COUNT, filters.keyRef(), type + " filterPatterns has "
                    + items.size() + " filters, but Lambda allows " + DEFAULT_FILTERS + " per event source mapping"
                    + " unless the account's quota was raised (up to 10): with the default quota Lambda refuses to"
                    + " create the mapping; merge filters with $or or with more values per field, or raise the"
                    + " quota"));
        }
    }

    /** Where the top-level fields of an EventBridge event are checked. */
    private enum Envelope {
        NONE, IN_OR, EVERYWHERE
    }

    /** The record a Lambda event source delivers: its top-level fields and the one holding the payload. */
    record RecordShape(String source, Set<String> fields, String payload) {

        private static final RecordShape SQS = new RecordShape("an SQS message", Set.of("messageId",
                "receiptHandle", "body", "attributes", "messageAttributes", "md5OfBody", "md5OfMessageAttributes",
                "eventSource", "eventSourceARN", "awsRegion"), "body");
        private static final RecordShape KINESIS = new RecordShape("a Kinesis record", Set.of("kinesisSchemaVersion",
                "partitionKey", "sequenceNumber", "data", "approximateArrivalTimestamp", "encryptionType",
                "eventSource", "eventVersion", "eventID", "eventName", "invokeIdentityArn", "awsRegion",
                "eventSourceARN", "kinesis"), "data");
        private static final RecordShape DYNAMODB = new RecordShape("a DynamoDB stream record", Set.of("eventID",
                "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "userIdentity",
                "eventSourceARN"), "dynamodb");
        private static final RecordShape KAFKA = new RecordShape("a Kafka record", Set.of("topic", "partition",
                "offset", "timestamp", "timestampType", "key", "value", "headers"), "value");
        private static final RecordShape ACTIVEMQ = new RecordShape("an ActiveMQ message", Set.of("messageID",
                "messageType", "timestamp", "deliveryMode", "correlationID", "replyTo", "destination", "redelivered",
                "type", "expiration", "priority", "data", "brokerInTime", "brokerOutTime", "properties"), "data");
        private static final RecordShape RABBITMQ = new RecordShape("a RabbitMQ message",
                Set.of("basicProperties", "redelivered", "data"), "data");

        /** Fields of a DynamoDB stream record's dynamodb object, often written one level too high. */
        private static final Set<String> DYNAMODB_INNER = Set.of("Keys", "NewImage", "OldImage",
                "ApproximateCreationDateTime", "SequenceNumber", "SizeBytes", "StreamViewType");

        /** The record of an event type; for stream events, from its type or ARN (empty when neither says). */
        static Optional<RecordShape> of(String type, Setting options) {
            return switch (type) {
                case "sqs" -> Optional.of(SQS);
                case "kafka", "msk" -> Optional.of(KAFKA);
                case "activemq" -> Optional.of(ACTIVEMQ);
                case "rabbitmq" -> Optional.of(RABBITMQ);
                case "stream" -> streamShape(options);
                default -> Optional.empty();
            };
        }

        private static Optional<RecordShape> streamShape(Setting options) {
            String declared = options.get("type").textOr("");
            String arn = options.isMap() ? options.get("arn").textOr("") : options.textOr("");
            if (declared.equals("dynamodb") || (declared.isEmpty() && arn.startsWith("arn:") && arn.contains(":dynamodb:"))) {
                return Optional.of(DYNAMODB);
            }
            if (declared.equals("kinesis") || (declared.isEmpty() && arn.startsWith("arn:") && arn.contains(":kinesis:"))) {
                return Optional.of(KINESIS);
            }
            return Optional.empty();
        }

        /** Why {@code field} is not a field of this record, and what was probably meant. */
        String unknown(String field) {
            if (this == DYNAMODB && DYNAMODB_INNER.contains(field)) {
                return field + " is a field of the record's dynamodb object: write it under dynamodb ({dynamodb: {"
                        + field + ": ...}})";
            }
            for (RecordShape other : List.of(SQS, KINESIS, DYNAMODB, KAFKA, ACTIVEMQ)) {
                if (other.payload.equals(field) && !payload.equals(field)) {
                    return field + " is where " + other.source + " carries its payload; " + source
                            + " carries it under " + payload;
                }
            }
            Optional<String> near = Spelling.closest(field, fields);
            return near.map(n -> "did you mean " + n + "?")
                    .orElse("its fields are " + String.join(", ", fields.stream().sorted().toList())
                            + "; the payload is under " + payload);
        }
    }

    /** One pass over one pattern, adding what it finds to {@code problems}. */
    private record Walk(PatternDialect dialect, String label, boolean scalarLeaves, Envelope envelope,
                        RecordShape shape, List<PatternProblem> problems) {

        void pattern(Setting pattern) {
            if (!pattern.isMap() || pattern.isIntrinsic()) {
                return;
            }
            fields(pattern, "", true);
            int max = dialect.maxLength();
            if (max > 0) {
                String json = json(pattern);
                if (json.length() > max && !json.contains("${")) {
                    problems.add(new PatternProblem(PatternProblem.SIZE, pattern.keyRef(), label + " is " + json.length()
                            + " characters of JSON, but " + dialect.service() + " takes at most " + max
                            + (dialect == PatternDialect.EVENTBRIDGE ? " (its default quota)" : "") + ": "
                            + dialect.rejection() + "; split it into several patterns or match fewer values"));
                }
            }
        }

        private void fields(Setting object, String path, boolean root) {
            for (Setting field : object.members()) {
                String name = field.name();
                String at = path.isEmpty() ? name : path + "." + name;
                if (name.equals("$or")) {
                    or(field, path, root);
                    continue;
                }
                if (root) {
                    topLevel(field);
                }
                if (field.unresolved() || field.isIntrinsic()) {
                    continue;
                }
                if (field.isMap()) {
                    fields(field, at, false);
                } else if (field.isList()) {
                    matches(field, at);
                } else if (scalarLeaves) {
                    problems.add(new PatternProblem(PatternProblem.NOT_A_LIST, field.ref(), label + " field " + at
                            + " is " + field.shown() + ", but every field of a pattern holds a list of values to match"
                            + " (or nested fields): " + dialect.rejection() + "; write [" + field.textOr("") + "]"));
                }
            }
        }

        private void topLevel(Setting field) {
            String name = field.name();
            if (envelope == Envelope.EVERYWHERE && !ENVELOPE.contains(name)) {
                problems.add(new PatternProblem(PatternProblem.ENVELOPE_KEY, field.keyRef(), label + " field " + name
                        + " is not a top-level field of EventBridge events" + Spelling.hint(name, ENVELOPE)
                        + ", so the pattern never matches: the top-level fields are version, id, detail-type, source,"
                        + " account, time, region, resources and detail; fields of the event's own data go under"
                        + " detail"));
            }
            if (shape != null && !shape.fields().contains(name)) {
                problems.add(new PatternProblem(PatternProblem.ROOT_KEY, field.keyRef(), label + " field " + name
                        + " is not a field of " + shape.source() + ", so the filter never matches and Lambda drops"
                        + " every record: " + shape.unknown(name)));
            }
        }

        private void or(Setting or, String path, boolean root) {
            if (or.unresolved()) {
                return;
            }
            List<Setting> branches = or.items();
            boolean schemaChecks = envelope == Envelope.IN_OR && root && !or.isList();
            if (!schemaChecks && (!or.isList() || branches.size() < 2 || branches.stream().anyMatch(b -> !b.isMap()))) {
                problems.add(new PatternProblem(PatternProblem.OR_FORM, or.keyRef(), label + " $or"
                        + (path.isEmpty() ? "" : " under " + path) + " is " + describeOr(or, branches)
                        + ", but $or takes a list of at least two patterns (mappings of fields), any of which"
                        + " matches: " + dialect.rejection() + "; write $or: [{field: [a]}, {other: [b]}]"));
            }
            for (Setting branch : branches) {
                if (branch.isMap() && !branch.isIntrinsic()) {
                    if (root && envelope == Envelope.IN_OR) {
                        new Walk(dialect, label, scalarLeaves, Envelope.EVERYWHERE, shape, problems)
                                .fields(branch, path, true);
                    } else {
                        fields(branch, path, root);
                    }
                }
            }
        }

        private static String describeOr(Setting or, List<Setting> branches) {
            if (!or.isList()) {
                return or.shown();
            }
            if (branches.size() < 2) {
                return branches.isEmpty() ? "an empty list" : "a list of one pattern";
            }
            return "a list with an item that is not a mapping";
        }

        private void matches(Setting list, String at) {
            List<Setting> values = list.items();
            if (values.isEmpty()) {
                problems.add(new PatternProblem(PatternProblem.MATCH_LIST, list.ref(), label + " field " + at
                        + " is an empty list, which " + dialect.service() + " does not accept: "
                        + dialect.rejection() + "; list the values to match, or use [{exists: true}] or"
                        + " [{exists: false}]"));
                return;
            }
            for (Setting value : values) {
                if (value.isList()) {
                    problems.add(new PatternProblem(PatternProblem.MATCH_LIST, value.ref(), label + " field " + at
                            + " holds a list inside its list of values, but a value to match is a string, number,"
                            + " true, false, null or one matcher such as {prefix: x}: " + dialect.rejection()
                            + "; put the values into one list"));
                } else if (value.isMap() && !value.isIntrinsic()) {
                    matcher(value, at);
                }
            }
        }

        private void matcher(Setting matcher, String at) {
            List<Setting> operators = matcher.members();
            if (operators.size() != 1) {
                problems.add(new PatternProblem(PatternProblem.OPERATOR_COUNT, matcher.ref(), label + " field " + at
                        + " has a matcher with " + (operators.isEmpty() ? "no operator" : operators.size()
                        + " operators (" + String.join(", ", matcher.keys()) + ")") + ", but a matcher holds exactly"
                        + " one: " + dialect.rejection() + "; write each operator as its own item of the list ("
                        + "[{prefix: a}, {suffix: b}] matches either), or nest fields instead"));
                return;
            }
            Setting operand = operators.get(0);
            String operator = operand.name();
            if (!PatternDialect.OPERATORS.contains(operator)) {
                problems.add(new PatternProblem(PatternProblem.UNKNOWN_OPERATOR, operand.keyRef(), label + " field "
                        + at + " uses " + operator + ", which is no comparison operator"
                        + Spelling.hint(operator, PatternDialect.OPERATORS) + ": " + dialect.rejection()
                        + "; the operators are " + operatorsOf(dialect) + ", and a value to match exactly is written"
                        + " as it is"));
                return;
            }
            if (!dialect.supports(operator)) {
                unsupported(operand.keyRef(), at, operator);
                return;
            }
            if (operand.unresolved() || operand.isIntrinsic()) {
                return;
            }
            switch (operator) {
                case "prefix", "suffix" -> affix(operand, at);
                case "equals-ignore-case", "wildcard" -> {
                    if (!operand.isText()) {
                        wrongOperand(operand, at, "a string");
                    }
                }
                case "anything-but" -> anythingBut(operand, at);
                case "numeric" -> numeric(operand, at);
                case "exists" -> {
                    if (!operand.kind().equals("boolean")) {
                        problems.add(new PatternProblem(PatternProblem.EXISTS, operand.ref(), label + " field " + at
                                + " has exists: " + operand.shown() + ", but exists takes true or false: "
                                + dialect.rejection() + "; write {exists: true} (the field is there) or"
                                + " {exists: false} (it is not)"));
                    }
                }
                case "cidr" -> cidr(operand, at);
                default -> {
                }
            }
        }

        private void unsupported(SourceRef where, String at, String operator) {
            problems.add(new PatternProblem(PatternProblem.UNSUPPORTED_OPERATOR, where, label + " field " + at
                    + " uses " + operator + ", which " + dialect.service() + " does not support (EventBridge"
                    + " patterns do): " + dialect.rejection() + "; " + dialect.service() + " takes " + operatorsOf(dialect)));
        }

        private void affix(Setting operand, String at) {
            if (operand.isText()) {
                return;
            }
            if (operand.isMap() && operand.size() == 1 && operand.has("equals-ignore-case")) {
                if (!operand.get("equals-ignore-case").isText() && !operand.get("equals-ignore-case").unresolved()) {
                    wrongOperand(operand.get("equals-ignore-case"), at, "a string");
                }
                return;
            }
            wrongOperand(operand, at, "a string, or {equals-ignore-case: <string>}");
        }

        private void wrongOperand(Setting operand, String at, String expected) {
            String operator = operand.name();
            problems.add(new PatternProblem(PatternProblem.STRING_OPERAND, operand.ref(), label + " field " + at
                    + " has " + operator + ": " + operand.shown() + ", but " + operator + " takes " + expected
                    + (operand.kind().equals("integer") || operand.kind().equals("number")
                    ? " (string matching does not apply to numbers; quote it, or use numeric)" : "") + ": "
                    + dialect.rejection() + "; write {" + operator + ": \"text\"}"));
        }

        private void anythingBut(Setting operand, String at) {
            String problem = null;
            if (operand.isList()) {
                if (operand.items().stream().anyMatch(v -> v.isList() || v.isMap())) {
                    problem = "a list with a list or mapping in it";
                }
            } else if (operand.isMap()) {
                List<Setting> inner = operand.members();
                if (inner.size() != 1) {
                    problem = "a mapping with " + inner.size() + " keys";
                } else if (!ANYTHING_BUT_OPERATORS.contains(inner.get(0).name())) {
                    problem = "{" + inner.get(0).name() + ": ...}" + Spelling.hint(inner.get(0).name(),
                            ANYTHING_BUT_OPERATORS);
                } else if (!dialect.supports(inner.get(0).name())) {
                    unsupported(inner.get(0).keyRef(), at, inner.get(0).name());
                    return;
                } else {
                    Setting value = inner.get(0);
                    boolean strings = value.isText() || value.unresolved() || (value.isList() && !value.items().isEmpty()
                            && value.items().stream().allMatch(v -> v.isText() || v.unresolved()));
                    if (!strings) {
                        problem = "{" + value.name() + ": " + value.shown() + "}, whose value is not a string or a"
                                + " list of strings";
                    }
                }
            }
            if (problem != null) {
                problems.add(new PatternProblem(PatternProblem.ANYTHING_BUT, operand.ref(), label + " field " + at
                        + " has anything-but: " + problem + ", but anything-but takes a value, a list of values, or"
                        + " one of {prefix: x}, {suffix: x}, {equals-ignore-case: x}, {wildcard: x}: "
                        + dialect.rejection() + "; write {anything-but: [a, b]} or {anything-but: {prefix: x}}"));
            }
        }

        private void numeric(Setting operand, String at) {
            String head = label + " field " + at + " has numeric: ";
            String fix = dialect.rejection() + "; write {numeric: ['>', 0, '<=', 5]} (a lower bound, then an upper"
                    + " bound) or {numeric: ['=', 3]}";
            if (!operand.isList() || operand.items().isEmpty()) {
                problems.add(new PatternProblem(PatternProblem.NUMERIC_FORM, operand.ref(), head + operand.shown()
                        + (operand.isList() ? " that is empty" : "") + ", but numeric takes a list of a comparison"
                        + " operator and a number, optionally followed by an upper bound: " + fix));
                return;
            }
            List<Setting> terms = operand.items();
            if (terms.stream().anyMatch(Setting::unresolved)) {
                return;
            }
            String form = numericForm(terms);
            if (form != null) {
                problems.add(new PatternProblem(PatternProblem.NUMERIC_FORM, operand.ref(), head + form + ": " + fix));
                return;
            }
            for (int i = 1; i < terms.size(); i += 2) {
                BigDecimal value = terms.get(i).number().orElse(BigDecimal.ZERO);
                if (value.abs().compareTo(dialect.numericLimit()) > 0) {
                    problems.add(new PatternProblem(PatternProblem.NUMERIC_LIMIT, terms.get(i).ref(), head + "the bound "
                            + terms.get(i).shown() + " is outside -" + plain(dialect.numericLimit()) + " to +"
                            + plain(dialect.numericLimit()) + ", the range " + dialect.service() + " compares numbers"
                            + " in, so the comparison may not match as written; keep bounds within that range (or"
                            + " match the value as text)"));
                }
            }
            if (terms.size() == 4) {
                BigDecimal bottom = terms.get(1).number().orElse(BigDecimal.ZERO);
                BigDecimal top = terms.get(3).number().orElse(BigDecimal.ZERO);
                if (top.compareTo(bottom) <= 0) {
                    problems.add(new PatternProblem(PatternProblem.NUMERIC_EMPTY_RANGE, operand.ref(), label
                            + " field " + at + " asks for a number " + terms.get(0).textOr("") + " "
                            + terms.get(1).shown() + " and " + terms.get(2).textOr("") + " " + terms.get(3).shown()
                            + ", an empty range: no number is both, and "
                            + dialect.service() + " requires the lower bound to be less than the upper bound: "
                            + dialect.rejection() + "; swap or correct the bounds, or use two matchers for"
                            + " values outside a range ([{numeric: ['<', 5]}, {numeric: ['>', 10]}])"));
                }
            }
        }

        /** What is wrong with the terms of a numeric matcher, or null when they are well formed. */
        private static String numericForm(List<Setting> terms) {
            for (int i = 0; i < terms.size(); i += 2) {
                Setting operator = terms.get(i);
                if (!operator.isText() || !NUMERIC_OPERATORS.contains(operator.textOr(""))) {
                    String hint = operator.isText() ? Spelling.hint(operator.textOr(""), NUMERIC_OPERATORS) : "";
                    return operator.shown() + " where a comparison operator (=, <, <=, >, >=) belongs" + hint;
                }
                if (i + 1 >= terms.size()) {
                    return "the operator " + operator.textOr("") + " without a number after it";
                }
                Setting number = terms.get(i + 1);
                if (!number.kind().equals("integer") && !number.kind().equals("number")) {
                    return "the operand of " + operator.textOr("") + " is " + number.shown() + ", not a number"
                            + (number.isText() && number.number().isPresent() ? " (it is quoted: write it without"
                            + " quotes)" : "");
                }
            }
            if (terms.size() > 4) {
                return "more than one lower and one upper bound (" + (terms.size() / 2) + " comparisons); a matcher"
                        + " holds at most a range";
            }
            if (terms.size() == 4) {
                String first = terms.get(0).textOr("");
                String second = terms.get(2).textOr("");
                if (!first.startsWith(">")) {
                    return first.equals("=") ? "= followed by another comparison; = stands alone"
                            : "the upper bound " + first + " first; a range is written lower bound first";
                }
                if (!second.startsWith("<")) {
                    return second.equals("=") ? "= after a lower bound; = stands alone"
                            : "two lower bounds (" + first + " and " + second + ")";
                }
            }
            return null;
        }

        private void cidr(Setting operand, String at) {
            String problem = operand.isText() ? Cidr.problem(operand.textOr("")) : "it is not a string";
            if (problem != null) {
                problems.add(new PatternProblem(PatternProblem.CIDR, operand.ref(), label + " field " + at
                        + " has cidr: " + operand.shown() + ", which is not an IPv4 or IPv6 CIDR block (" + problem
                        + "): " + dialect.rejection() + "; write an address and a prefix length, like 10.0.0.0/24"
                        + " or 2001:db8::/32"));
            }
        }

        private static String operatorsOf(PatternDialect dialect) {
            return String.join(", ", PatternDialect.OPERATORS.stream().filter(dialect::supports).sorted().toList());
        }

        private static String plain(BigDecimal number) {
            return String.format(Locale.ROOT, "%,d", number.toBigInteger()).replace(",", "");
        }

        private static String json(Setting pattern) {
            try {
                return JSON.writeValueAsString(pattern.toJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reads IPv4 and IPv6 CIDR blocks without resolving names. */
    static final class Cidr {

        private Cidr() {
        }

        /** What is wrong with {@code text} as a CIDR block, or null when it is one. */
        static String problem(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length != 2) {
                return "it needs exactly one '/' between the address and the prefix length";
            }
            if (!parts[1].matches("\\d{1,3}")) {
                return "the prefix length " + parts[1] + " is not a number";
            }
            int bits = Integer.parseInt(parts[1]);
            if (parts[0].contains(":")) {
                if (!ipv6(parts[0])) {
                    return parts[0] + " is not an IPv6 address";
                }
                return bits <= 128 ? null : "an IPv6 prefix length is at most 128";
            }
            if (!ipv4(parts[0])) {
                return parts[0] + " is not an IPv4 address";
            }
            return bits <= 32 ? null : "an IPv4 prefix length is at most 32";
        }

        private static boolean ipv4(String address) {
            String[] octets = address.split("\\.", -1);
            if (octets.length != 4) {
                return false;
            }
            for (String octet : octets) {
                if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }

        private static boolean ipv6(String address) {
            String text = address;
            int groups = 0;
            if (text.contains(".")) {
                int last = text.lastIndexOf(':');
                if (!ipv4(text.substring(last + 1))) {
                    return false;
                }
                text = text.substring(0, last + 1) + "0:0";
            }
            int compressions = text.split("::", -1).length - 1;
            if (compressions > 1) {
                return false;
            }
            for (String half : text.split("::", -1)) {
                if (half.isEmpty()) {
                    continue;
                }
                for (String group : half.split(":", -1)) {
                    if (!group.matches("[0-9A-Fa-f]{1,4}")) {
                        return false;
                    }
                    groups++;
                }
            }
            return compressions == 1 ? groups < 8 : groups == 8;
        }
    }
}

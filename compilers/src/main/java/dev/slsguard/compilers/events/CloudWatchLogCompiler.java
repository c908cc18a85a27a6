package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.bind.TargetAlias;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import dev.slsguard.compilers.support.JsonTemplate;
import dev.slsguard.compilers.support.NodeJson;
import dev.slsguard.engine.model.CloudWatchLogEvent;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cloudwatchLog} events ({@code package/compile/events/cloud-watch-log.js}): one
 * {@code AWS::Logs::SubscriptionFilter} per event, {@code <Fn>LogsSubscriptionFilterCloudWatchLog<n>},
 * and one {@code AWS::Lambda::Permission} per function whose source is the longest common prefix
 * of the function's log groups. Events beyond CloudWatch Logs' two subscriptions per log group
 * are compiled too; the validation rules report them (v3 refuses to package).
 */
public final class CloudWatchLogCompiler implements EventCompiler {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ESCAPED = Pattern.compile("\\\\(\"|\\\\|')");

    @Override
    public EventType eventType() {
        return EventType.CLOUD_WATCH_LOG;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        String logGroup;
        String filter = "";
        Node logGroupNode;
        if (event.config() instanceof ScalarNode scalar && scalar.isString()) {
            logGroup = scalar.text();
            logGroupNode = scalar;
        } else if (event.config() instanceof MapNode map && map.get("logGroup").isPresent()) {
            logGroupNode = map.get("logGroup").get();
            // the options arrive coerced by the schema stage (a number is its text)
            if (!(logGroupNode instanceof ScalarNode name && name.isString())) {
                return CompileResult.SKIPPED; // a logGroup that is no name: the schema validation reports it
            }
            logGroup = name.text();
            JsonNode filterValue = NodeJson.toJsonOrNull(map.get("filter"));
            if (Js.truthy(filterValue)) {
                if (!filterValue.isTextual()) {
                    return CompileResult.SKIPPED; // a filter that is no text: the schema validation reports it
                }
                filter = filterValue.textValue();
            }
        } else {
            return CompileResult.SKIPPED; // no log group: the schema validation reports it
        }
        logGroup = logGroup.replaceAll("\r?\n", "");
        filter = filter.replaceAll("\r?\n", "");
        int slash = filter.indexOf('\\');
        int quote = filter.indexOf('"');
        if (slash >= 0 && quote >= 0 && quote > slash) {
            filter = ESCAPED.matcher(filter).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }

        FunctionSettings function = event.function();
        List<CloudWatchLogEvent> earlier = context.eventFacts().stream().filter(CloudWatchLogEvent.class::isInstance)
                .map(CloudWatchLogEvent.class::cast).toList();
        String group = logGroup;
        int occurrence = 1 + (int) earlier.stream().filter(e -> e.logGroup().equals(group)).count();
        List<String> ownGroups = new ArrayList<>();
        earlier.stream().filter(e -> e.function().equals(function.key())).forEach(e -> ownGroups.add(e.logGroup()));
        ownGroups.add(logGroup);
        int number = ownGroups.size();

        Optional<String> groupLiteral = JsonTemplate.stringLiteral(logGroup);
        Optional<String> prefixLiteral = JsonTemplate.stringLiteral(Naming.logGroupsCommonPrefix(ownGroups));
        if (groupLiteral.isEmpty() || prefixLiteral.isEmpty()) {
            // v3's JSON text does not parse (SyntaxError): the schema validation reports the log group name
            return CompileResult.SKIPPED;
        }
        String filterId = Naming.logSubscriptionFilterLogicalId(function.key(), number);
        String permissionId = Naming.logSubscriptionPermissionLogicalId(function.key());
        Optional<String> alias = function.targetAlias().map(TargetAlias::logicalId);

        ObjectNode subscription = JSON.objectNode();
        subscription.put("Type", "AWS::Logs::SubscriptionFilter");
        ArrayNode dependsOn = subscription.putArray("DependsOn");
        dependsOn.add(permissionId);
        alias.ifPresent(dependsOn::add);
        ObjectNode properties = subscription.putObject("Properties");
        properties.put("LogGroupName", groupLiteral.get());
        properties.put("FilterPattern", filter);
        properties.set("DestinationArn", function.target());

        ObjectNode permission = Cfn.invokePermission(alias.map(a -> JSON.arrayNode().add(a)), function.target(),
                Cfn.join("", Cfn.text("logs."), Cfn.ref("AWS::Region"), Cfn.text(".amazonaws.com")),
                Cfn.regionalArn("logs", Cfn.text(":log-group:"), Cfn.text(prefixLiteral.get()), Cfn.text(":*")));

        context.mergeResource(filterId, subscription, Optional.of(function.key()), event.ref());
        context.mergeResource(permissionId, permission, Optional.of(function.key()), event.ref());
        SourceRef groupRef = logGroupNode.ref();
        context.addEventFact(new CloudWatchLogEvent(function.key(), event.index(), logGroup, filter, filterId,
                permissionId, occurrence, event.options(), event.ref(), groupRef));
        return CompileResult.COMPILED;
    }
}

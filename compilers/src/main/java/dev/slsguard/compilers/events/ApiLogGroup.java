package dev.slsguard.compilers.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.bind.ServiceSettings;
import dev.slsguard.compilers.support.Js;

/**
 * The CloudWatch log group v3 writes for an API's logs (REST, HTTP and WebSocket APIs): its name,
 * and {@code provider.logRetentionInDays} and {@code provider.logDataProtectionPolicy} when they
 * are set (truthy).
 */
public final class ApiLogGroup {

    private ApiLogGroup() {
    }

    /** An {@code AWS::Logs::LogGroup} named {@code name}. */
    public static ObjectNode of(ServiceSettings settings, String name) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.put("Type", "AWS::Logs::LogGroup");
        ObjectNode properties = group.putObject("Properties");
        properties.put("LogGroupName", name);
        JsonNode retention = settings.providerValue("logRetentionInDays");
        if (Js.truthy(retention)) {
            properties.set("RetentionInDays", retention);
        }
        JsonNode protection = settings.providerValue("logDataProtectionPolicy");
        if (Js.truthy(protection)) {
            properties.set("DataProtectionPolicy", protection);
        }
        return group;
    }
}

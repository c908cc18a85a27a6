package dev.slsguard.rules;

import dev.slsguard.compilers.events.EventType;
import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.EventSource;
import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.SourceRef;
import dev.slsguard.engine.source.MapNode;
import java.util.List;
import java.util.Optional;

/** Facts built by hand, for testing rules without the loader and compilers. */
final class HandFacts {

    static final String FILE = "serverless.yml";

    private HandFacts() {
    }

    static SourceRef at(int line) {
        return new SourceRef(FILE, line, 1, "/line/" + line);
    }

    static MapNode emptyMap() {
        return new MapNode(at(1), List.of());
    }

    static Service service(boolean executionRole, Optional<String> consumerNamingMode) {
        return new Service("svc", "dev", "us-east-1", "warn", consumerNamingMode, executionRole, at(1), emptyMap());
    }

    static EventSource source(String function, int functionIndex, int eventIndex, String eventType, String kind,
                              CfnValue arn) {
        return new EventSource(function, functionIndex, eventIndex, eventType,
                EventType.of(eventType).orElseThrow().pluginOrder(), kind, arn,
                at(100 * (functionIndex + 1) + eventIndex));
    }

    static CfnValue lit(String arn) {
        return new CfnValue.Literal(arn);
    }

    static CfnValue ref(String id) {
        return new CfnValue.Ref(id);
    }

    static CfnValue getAtt(String resource, String attribute) {
        return new CfnValue.GetAtt(resource, attribute);
    }
}

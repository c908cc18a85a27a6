package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.events.http.HttpEndpoints;
import dev.slsguard.compilers.events.http.RestApiBuilder;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code http} events, the REST API of API Gateway ({@code package/compile/events/api-gateway/}).
 * Like v3, the events are read one by one and the API is built once for the whole service: the
 * {@code AWS::ApiGateway::*} resources, the Lambda permissions and the {@code ServiceEndpoint}
 * output. No IAM statement comes from these events.
 */
public final class HttpCompiler implements EventCompiler {

    private final Map<CompileContext, HttpEndpoints> pending = new IdentityHashMap<>();

    @Override
    public EventType eventType() {
        return EventType.HTTP;
    }

    @Override
    public synchronized boolean compile(EventItem event, CompileContext context) {
        return pending.computeIfAbsent(context, c -> new HttpEndpoints()).add(event, context);
    }

    @Override
    public void finish(CompileContext context) {
        HttpEndpoints endpoints;
        synchronized (this) {
            endpoints = pending.remove(context);
        }
        if (endpoints == null || endpoints.isEmpty() || !endpoints.serviceAccepted(context)) {
            return;
        }
        RestApiBuilder.build(context, endpoints.list());
    }
}

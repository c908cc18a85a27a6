package dev.slsguard.compilers.events;

import dev.slsguard.compilers.CompileContext;
import dev.slsguard.compilers.bind.EventItem;
import dev.slsguard.compilers.events.http.HttpEndpoints;
import dev.slsguard.engine.model.Refusal;
import java.util.List;

/**
 * {@code http} events, the REST API of API Gateway ({@code package/compile/events/api-gateway/}).
 * Like v3, the events are read one by one and the API is built once for the whole service: the
 * {@code AWS::ApiGateway::*} resources, the Lambda permissions and the {@code ServiceEndpoint}
 * output. No IAM statement comes from these events.
 */
public final class HttpCompiler implements EventCompiler {

    @Override
    public EventType eventType() {
        return EventType.HTTP;
    }

    @Override
    public CompileResult compile(EventItem event, CompileContext context) {
        return HttpEndpoints.compile(event, context);
    }

    @Override
    public List<Refusal> finish(CompileContext context) {
        return HttpEndpoints.build(context, context.compiledEvents(eventType()));
    }
}

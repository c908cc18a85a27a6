package dev.slsguard.compilers.events.http;

import static dev.slsguard.compilers.events.http.JsObjects.JSON;
import static dev.slsguard.compilers.events.http.JsObjects.UNDEFINED;
import static dev.slsguard.compilers.events.http.JsObjects.orUndefined;
import static dev.slsguard.compilers.support.Cfn.getAtt;
import static dev.slsguard.compilers.support.Cfn.ref;
import static dev.slsguard.compilers.support.Cfn.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.compilers.Naming;
import dev.slsguard.compilers.bind.FunctionSettings;
import dev.slsguard.compilers.support.Cfn;
import dev.slsguard.compilers.support.Js;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The parts v3 merges into each {@code AWS::ApiGateway::Method} ({@code method/authorization.js},
 * {@code integration.js}, {@code responses.js}), and the Cognito claims it writes into request
 * templates.
 */
final class MethodParts {

    private static final String JSON_TEMPLATE = resource("request-json.vtl");
    private static final String FORM_TEMPLATE = resource("request-form.vtl");

    private MethodParts() {
    }

    private static String resource(String name) {
        try (InputStream in = MethodParts.class.getResourceAsStream("/dev/slsguard/compilers/http/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code getMethodAuthorization}. */
    static ObjectNode authorization(HttpEndpoint endpoint) {
        ObjectNode part = JSON.objectNode();
        ObjectNode properties = part.putObject("Properties");
        if (endpoint.authorizer().isEmpty()) {
            properties.put("AuthorizationType", "NONE");
            return part;
        }
        HttpAuthorizer authorizer = endpoint.authorizer().get();
        if ("AWS_IAM".equals(authorizer.type())) {
            properties.put("AuthorizationType", "AWS_IAM");
            return part;
        }
        if (authorizer.type() != null && Js.truthy(authorizer.authorizerId())) {
            String upper = authorizer.upperType();
            properties.put("AuthorizationType", upper.equals("TOKEN") || upper.equals("REQUEST") ? "CUSTOM"
                    : authorizer.type());
            properties.set("AuthorizerId", authorizer.authorizerId().deepCopy());
            if (upper.equals("COGNITO_USER_POOLS") && hasItems(authorizer.scopes())) {
                properties.set("AuthorizationScopes", authorizer.scopes().deepCopy());
            }
            return part;
        }
        String id = Naming.restAuthorizerLogicalId(authorizer.name() == null ? "undefined" : authorizer.name());
        if (authorizer.isCognito()) {
            properties.put("AuthorizationType", "COGNITO_USER_POOLS");
            properties.set("AuthorizerId", ref(id));
            if (hasItems(authorizer.scopes())) {
                properties.set("AuthorizationScopes", authorizer.scopes().deepCopy());
            }
        } else {
            properties.put("AuthorizationType", "CUSTOM");
            properties.set("AuthorizerId", ref(id));
        }
        part.putArray("DependsOn").add(id);
        return part;
    }

    private static boolean hasItems(JsonNode list) {
        return list != null && list.isArray() && list.size() > 0;
    }

    /** {@code getMethodIntegration}. */
    static ObjectNode integration(HttpEndpoint endpoint, FunctionSettings function) {
        String type = endpoint.integration();
        ObjectNode request = endpoint.request();
        ObjectNode integration = JSON.objectNode();
        integration.put("IntegrationHttpMethod", "POST");
        integration.put("Type", type);
        if (type.equals("AWS") || type.equals("AWS_PROXY")) {
            List<JsonNode> functionArn = new ArrayList<>(List.of(getAtt(function.logicalId(), "Arn")));
            function.targetAlias().ifPresent(a -> {
                functionArn.add(text(":"));
                functionArn.add(text(a.name()));
            });
            integration.set("Uri", Cfn.lambdaInvocationUri(functionArn.toArray(JsonNode[]::new)));
        } else if (type.equals("HTTP") || type.equals("HTTP_PROXY")) {
            JsonNode requestMethod = request == null ? null : request.get("method");
            String method = Js.truthy(requestMethod) ? Js.string(requestMethod) : endpoint.method();
            integration.set("Uri", orUndefined(request == null ? null : request.get("uri")));
            integration.put("IntegrationHttpMethod", method.toUpperCase(Locale.ROOT));
            if (endpoint.connectionType().isPresent()) {
                integration.put("ConnectionType", endpoint.connectionType().get());
                integration.set("ConnectionId", orUndefined(endpoint.connectionId()));
            }
        }
        if (type.equals("AWS") || type.equals("HTTP") || type.equals("MOCK")) {
            integration.set("PassthroughBehavior", orUndefined(request == null ? null : request.get("passThrough")));
            integration.set("ContentHandling", orUndefined(request == null ? null : request.get("contentHandling")));
            integration.set("RequestTemplates", requestTemplates(request, type.equals("AWS")));
            integration.set("IntegrationResponses", integrationResponses(endpoint));
        }
        JsonNode parameters = request == null ? null : request.get("parameters");
        boolean mapped = (type.equals("AWS") || type.equals("HTTP") || type.equals("HTTP_PROXY"))
                && Js.truthy(parameters) && parameters.isObject() && parameters.size() > 0;
        if (mapped || endpoint.async()) {
            ObjectNode out = JSON.objectNode();
            if (Js.truthy(parameters) && parameters.isObject()) {
                parameters.properties().forEach(e -> {
                    JsonNode mappedValue = e.getValue().get("mappedValue");
                    out.set("integration." + e.getKey().substring("method.".length()),
                            Js.truthy(mappedValue) ? mappedValue : text(e.getKey()));
                });
            }
            if (endpoint.async()) {
                out.put("integration.request.header.X-Amz-Invocation-Type", "'Event'");
            }
            integration.set("RequestParameters", out);
        }
        ObjectNode part = JSON.objectNode();
        part.putObject("Properties").set("Integration", integration);
        return part;
    }

    private static JsonNode requestTemplates(ObjectNode request, boolean defaults) {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        if (defaults) {
            templates.put("application/json", text(JSON_TEMPLATE));
            templates.put("application/x-www-form-urlencoded", text(FORM_TEMPLATE));
        }
        JsonNode custom = request == null ? null : request.get("template");
        if (custom != null && custom.isObject()) {
            custom.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    templates.remove(e.getKey());
                } else {
                    templates.put(e.getKey(), e.getValue());
                }
            });
        }
        if (templates.isEmpty()) {
            return UNDEFINED;
        }
        ObjectNode out = JSON.objectNode();
        templates.forEach(out::set);
        return out;
    }

    /** The CORS and response headers every status code maps (header name to value). */
    private static Map<String, JsonNode> responseHeaders(HttpEndpoint endpoint) {
        Map<String, JsonNode> headers = new LinkedHashMap<>();
        endpoint.cors().ifPresent(cors -> {
            String origin = cors.origin().orElse("undefined");
            if (cors.origins().isPresent() && !cors.origins().get().isEmpty()) {
                origin = String.join(",", cors.origins().get());
            }
            headers.put("Access-Control-Allow-Origin", text("'" + origin + "'"));
            if (cors.allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", text("true"));
            }
        });
        JsonNode given = endpoint.response().get("headers");
        if (Js.truthy(given) && given.isObject()) {
            given.properties().forEach(e -> headers.put(e.getKey(), e.getValue()));
        }
        return headers;
    }

    private static List<String> statusCodes(HttpEndpoint endpoint) {
        JsonNode codes = endpoint.response().get("statusCodes");
        List<String> keys = new ArrayList<>();
        codes.fieldNames().forEachRemaining(keys::add);
        return Js.objectKeyOrder(keys);
    }

    private static ArrayNode integrationResponses(HttpEndpoint endpoint) {
        ArrayNode out = JSON.arrayNode();
        if (endpoint.response() == null) {
            return out;
        }
        Map<String, JsonNode> headers = responseHeaders(endpoint);
        JsonNode codes = endpoint.response().get("statusCodes");
        for (String code : statusCodes(endpoint)) {
            JsonNode config = codes.get(code);
            ObjectNode response = out.addObject();
            response.put("StatusCode", code);
            JsonNode pattern = config.get("pattern");
            response.set("SelectionPattern", Js.truthy(pattern) ? pattern : text(""));
            ObjectNode parameters = response.putObject("ResponseParameters");
            headers.forEach((h, v) -> parameters.set("method.response.header." + h, v));
            ObjectNode templates = response.putObject("ResponseTemplates");
            response.set("ContentHandling", code.startsWith("2")
                    ? orUndefined(endpoint.response().get("contentHandling")) : UNDEFINED);
            JsonNode own = config.get("headers");
            if (Js.truthy(own) && own.isObject()) {
                own.properties().forEach(e -> parameters.set("method.response.header." + e.getKey(), e.getValue()));
            }
            JsonNode template = endpoint.response().get("template");
            if (Js.truthy(template)) {
                templates.set("application/json", template);
            }
            JsonNode codeTemplate = config.get("template");
            if (Js.truthy(codeTemplate)) {
                if (codeTemplate.isTextual()) {
                    templates.set("application/json", codeTemplate);
                } else if (codeTemplate.isObject()) {
                    JsObjects.merge(templates, (ObjectNode) codeTemplate);
                }
            }
        }
        return out;
    }

    /** {@code getMethodResponses}. */
    static ObjectNode responses(HttpEndpoint endpoint) {
        ArrayNode list = JSON.arrayNode();
        String type = endpoint.integration();
        if ((type.equals("AWS") || type.equals("HTTP") || type.equals("MOCK")) && endpoint.response() != null) {
            Map<String, JsonNode> headers = responseHeaders(endpoint);
            JsonNode codes = endpoint.response().get("statusCodes");
            for (String code : statusCodes(endpoint)) {
                ObjectNode response = list.addObject();
                ObjectNode parameters = response.putObject("ResponseParameters");
                response.putObject("ResponseModels");
                response.put("StatusCode", code);
                headers.keySet().forEach(h -> parameters.put("method.response.header." + h, true));
                JsonNode own = codes.get(code).get("headers");
                if (Js.truthy(own) && own.isObject()) {
                    own.fieldNames().forEachRemaining(h -> parameters.put("method.response.header." + h, true));
                }
            }
        }
        ObjectNode part = JSON.objectNode();
        part.putObject("Properties").set("MethodResponses", list);
        return part;
    }

    /** Writes the authorizer's Cognito claims where v3's default templates hold their placeholder. */
    static void injectClaims(HttpEndpoint endpoint, ObjectNode integration) {
        JsonNode templates = integration.get("RequestTemplates");
        if (templates == null || !templates.isObject()) {
            return;
        }
        List<String> claims = new ArrayList<>();
        JsonNode given = endpoint.authorizer().map(HttpAuthorizer::claims).orElse(null);
        if (given != null && given.isArray()) {
            for (JsonNode claim : given) {
                String text = Js.string(claim);
                int colon = claim.isTextual() ? text.indexOf(':') : -1;
                if (colon >= 0) {
                    claims.add("\"" + text.substring(colon + 1) + "\": \"$context.authorizer.claims['" + text + "']\"");
                } else {
                    claims.add("\"" + text + "\": \"$context.authorizer.claims." + text + "\"");
                }
            }
        }
        String claimsText = claims.isEmpty() ? "" : String.join(",", claims) + ",";
        ObjectNode out = (ObjectNode) templates;
        List<String> keys = new ArrayList<>();
        out.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = out.get(key);
            if (value.isTextual()) {
                out.put(key, value.textValue().replaceFirst("extraCognitoPoolClaims", Matcher.quoteReplacement(claimsText)));
            }
        }
    }
}

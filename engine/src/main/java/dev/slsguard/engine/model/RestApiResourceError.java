package dev.slsguard.engine.model;

/**
 * The REST API's resource tree cannot be built: a method's path of an external API
 * ({@code provider.apiGateway.restApiResources}) has neither a predefined resource id nor a route
 * to one. Serverless Framework v3 stops packaging then; no API resource is compiled.
 *
 * @param path the resource path without a resource id
 * @param ref  the {@code restApiResources} setting (or the first http event)
 */
public record RestApiResourceError(String path, SourceRef ref) {
}

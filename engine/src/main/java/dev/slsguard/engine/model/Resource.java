package dev.slsguard.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A CloudFormation resource in the compiled template.
 *
 * @param logicalId  its logical id
 * @param type       its {@code Type}
 * @param definition the whole resource ({@code Type}, {@code Properties}, {@code DependsOn} ...)
 *                   in v3's key order; treat as read-only
 * @param function   the function it was compiled for, if any
 * @param origin     the line that caused it (an event, a function, or {@code resources:})
 */
public record Resource(String logicalId, String type, ObjectNode definition, Optional<String> function,
                       SourceRef origin) {
}

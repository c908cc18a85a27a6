package dev.slsguard.rules.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.slsguard.engine.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a {@link TemplateResource}, read from the merged template, with the place to report
 * it. A value is <em>absent</em> (not written, null, or {@code !Ref AWS::NoValue}), <em>known</em>
 * (a literal), or <em>unknown</em>: an intrinsic function ({@code !Ref Parameter}, {@code !If},
 * {@code !ImportValue} ...), a variable that stays a placeholder offline ({@code ${ssm:...}}) or a
 * dynamic reference ({@code {{resolve:...}}}). Readings of an unknown value are all empty or false,
 * and so are those of the values below it: an unknown value is never a finding.
 */
public final class Property {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Kind { ABSENT, KNOWN, UNKNOWN }

    private final TemplateResource owner;
    private final List<Object> path;
    private final JsonNode value;
    private final SourceRef pinned;
    private final Kind kind;

    Property(TemplateResource owner, List<Object> path, JsonNode value, SourceRef pinned) {
        this.owner = owner;
        this.path = List.copyOf(path);
        this.value = value;
        this.pinned = pinned;
        this.kind = kindOf(value);
    }

    private static Kind kindOf(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Kind.ABSENT;
        }
        if (isIntrinsic(value)) {
            return "AWS::NoValue".equals(value.path("Ref").asText(null)) ? Kind.ABSENT : Kind.UNKNOWN;
        }
        if (value.isTextual() && (value.asText().contains("${") || value.asText().startsWith("{{resolve:"))) {
            return Kind.UNKNOWN;
        }
        return Kind.KNOWN;
    }

    /** A mapping with one key, {@code Ref}, {@code Condition} or {@code Fn::...}. */
    static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /** The resource this value belongs to. */
    public TemplateResource resource() {
        return owner;
    }

    /** The value as it stands in the template (a missing node when absent). */
    public JsonNode json() {
        return value;
    }

    /** The last key of the path ({@code PubliclyAccessible}); for a list item, its list's key. */
    public String name() {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String key) {
                return key;
            }
        }
        return "";
    }

    /** Where to report this value (see {@link TemplateResource}). */
    public SourceRef where() {
        return pinned != null ? pinned : owner.locate(path);
    }

    /** Where to report the key this value was written under (for a key that should not be there at all). */
    public SourceRef keyWhere() {
        return pinned != null ? pinned : owner.locateKey(path);
    }

    // ---- what the value is ----

    /** Written, and not {@code !Ref AWS::NoValue}. */
    public boolean present() {
        return kind != Kind.ABSENT;
    }

    public boolean absent() {
        return kind == Kind.ABSENT;
    }

    /** A literal: text, number, boolean, list or mapping. */
    public boolean known() {
        return kind == Kind.KNOWN;
    }

    /** An intrinsic function, an unresolved variable or a dynamic reference. */
    public boolean unknown() {
        return kind == Kind.UNKNOWN;
    }

    /** {@code true}, or the text {@code "true"} (CloudFormation reads either). */
    public boolean isTrue() {
        return known() && (value.isBoolean() ? value.asBoolean() : value.isTextual() && value.asText().equalsIgnoreCase("true"));
    }

    /** {@code false}, or the text {@code "false"}. */
    public boolean isFalse() {
        return known() && (value.isBoolean() ? !value.asBoolean()
                : value.isTextual() && value.asText().equalsIgnoreCase("false"));
    }

    /** Not written, or false: a setting whose default is off and that was not turned on. */
    public boolean falseOrAbsent() {
        return absent() || isFalse();
    }

    /** A literal scalar as text (numbers and booleans too). */
    public Optional<String> text() {
        return known() && value.isValueNode() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** True when the value is literally one of {@code options}. */
    public boolean textIs(String... options) {
        Optional<String> text = text();
        if (text.isEmpty()) {
            return false;
        }
        for (String option : options) {
            if (option.equals(text.get())) {
                return true;
            }
        }
        return false;
    }

    /** A literal whole number (also written as text: {@code "22"}). */
    public Optional<Long> integer() {
        if (!known()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Long.parseLong(value.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True when the value is literally the whole number {@code expected}. */
    public boolean integerIs(long expected) {
        return integer().filter(n -> n == expected).isPresent();
    }

    // ---- below this value ----

    /** The member {@code key} of a mapping; unknown when this value is unknown, absent when it is not a mapping. */
    public Property get(String key) {
        return child(key, unknown() ? value : value.path(key));
    }

    /** Follows a path of keys. */
    public Property at(String... keys) {
        Property current = this;
        for (String key : keys) {
            current = current.get(key);
        }
        return current;
    }

    /**
     * The items of a list; a single value as its only item (policy documents accept both); empty when
     * absent or unknown. Items that are {@code !Ref AWS::NoValue} are left out.
     */
    public List<Property> items() {
        if (!known()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(this);
        }
        List<Property> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            Property item = child(i, value.get(i));
            if (item.present()) {
                items.add(item);
            }
        }
        return items;
    }

    /** The members of a mapping, in order; empty for anything else. */
    public List<Property> members() {
        if (!known() || !value.isObject()) {
            return List.of();
        }
        List<Property> members = new ArrayList<>(value.size());
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            members.add(child(field.getKey(), field.getValue()));
        }
        return members;
    }

    /**
     * A policy document or other JSON written as text (ECR's {@code RepositoryPolicyText}, a
     * {@code RedrivePolicy} string) read as JSON, its values all reported at this value; the value
     * itself when it is not text. Text that is not JSON is unknown.
     */
    public Property parsed() {
        if (!known() || !value.isTextual()) {
            return this;
        }
        try {
            return new Property(owner, path, JSON.readTree(value.asText()), where());
        } catch (JsonProcessingException e) {
            // not JSON: kept as a one-key "Fn::" mapping, which reads as unknown like any intrinsic
            return new Property(owner, path, JSON.getNodeFactory().objectNode().put("Fn::Unparsed", value.asText()),
                    where());
        }
    }

    private Property child(Object step, JsonNode childValue) {
        List<Object> childPath = new ArrayList<>(path);
        childPath.add(step);
        return new Property(owner, childPath, childValue == null ? MissingNode.getInstance() : childValue, pinned);
    }

    /** The resource and path only: values may be secrets, so they are never shown here. */
    @Override
    public String toString() {
        return owner.id() + " " + path;
    }
}

package dev.slsguard.rules;

import dev.slsguard.engine.model.Setting;
import dev.slsguard.engine.source.ListNode;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The service-wide eventBridge setting v3's deprecation reads ({@code provider.eventBridge.useCloudFormation},
 * as coerced by the schema stage) and its test for an eventBridge event ({@code events.some(({eventBridge}) =>
 * eventBridge)}: a truthy value).
 */
public final class EventBridgeSettings {

    private EventBridgeSettings() {
    }

    /** {@code provider.eventBridge.useCloudFormation}; absent when not written. */
    public static Setting useCloudFormation(MapNode root) {
        return Setting.of(root).at("provider", "eventBridge", "useCloudFormation");
    }

    /** v3's {@code useCloudFormation === value}: a boolean after coercion (null and other text are neither). */
    public static boolean is(Setting setting, boolean value) {
        return setting.present() && !setting.isNull() && setting.bool().equals(Optional.of(value));
    }

    /** v3's {@code useCloudFormation != null}: written with a value. */
    public static boolean given(Setting setting) {
        return setting.present() && !setting.isNull();
    }

    /** JavaScript truthiness of an event's value: v3 counts only a truthy {@code eventBridge}. */
    public static boolean triggers(Node value) {
        if (value instanceof MapNode || value instanceof ListNode) {
            return true;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.value() == null) {
            return false;
        }
        Object v = scalar.value();
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String text) {
            return !text.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        return v instanceof Number n && new BigDecimal(n.toString()).signum() != 0;
    }
}

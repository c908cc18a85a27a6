package dev.slsguard.rules.deprecation;

import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.Optional;

/**
 * The service-wide eventBridge setting v3's deprecation reads ({@code provider.eventBridge.useCloudFormation},
 * as coerced by the schema stage) and its test for an eventBridge event ({@code events.some(({eventBridge}) =>
 * eventBridge)}: a truthy value, {@code EventDecl.options().truthy()}).
 */
public final class EventBridgeSettings {

    private EventBridgeSettings() {
    }

    /** {@code provider.eventBridge.useCloudFormation}; absent when not written. */
    public static Setting useCloudFormation(Service service) {
        return service.settings().at("provider", "eventBridge", "useCloudFormation");
    }

    /** v3's {@code useCloudFormation === value}: a boolean after coercion (null and other text are neither). */
    public static boolean is(Setting setting, boolean value) {
        return setting.present() && !setting.isNull() && setting.bool().equals(Optional.of(value));
    }

    /** v3's {@code useCloudFormation != null}: written with a value. */
    public static boolean given(Setting setting) {
        return setting.present() && !setting.isNull();
    }
}

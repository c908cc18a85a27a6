package dev.slsguard.rules.validation;

import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.List;

/** The service's {@code provider.cloudFront} settings as the cloudFront validation rules read them. */
public final class CloudFrontSettings {

    private CloudFrontSettings() {
    }

    /** Each cache policy of {@code provider.cloudFront.cachePolicies}, named by its key. */
    public static List<Setting> cachePolicies(Service service) {
        return service.settings().at("provider", "cloudFront", "cachePolicies").members();
    }
}

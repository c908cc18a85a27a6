package dev.slsguard.rules.deprecation;

import dev.slsguard.engine.model.Service;
import dev.slsguard.engine.model.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings Serverless Framework v3 warns about as deprecated (its deprecation codes), found where
 * they are written so each finding points at the line to change.
 */
public final class ServiceDeprecations {

    /** v3's PROVIDER_IAM_SETTINGS_V3: each old property and the one that replaces it. */
    public static final Map<String, String> IAM_SETTINGS = iamSettings();

    private ServiceDeprecations() {
    }

    private static Map<String, String> iamSettings() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("provider.role", "provider.iam.role");
        map.put("provider.rolePermissionsBoundary", "provider.iam.role.permissionsBoundary");
        map.put("provider.iam.role.permissionBoundary", "provider.iam.role.permissionsBoundary");
        map.put("provider.iamManagedPolicies", "provider.iam.role.managedPolicies");
        map.put("provider.iamRoleStatements", "provider.iam.role.statements");
        map.put("provider.cfnRole", "provider.iam.deploymentRole");
        return map;
    }

    /** An old setting that is written, with the path and what replaces it. */
    public record Replaced(Setting setting, String path, String replacement) {
    }

    /** The PROVIDER_IAM_SETTINGS_V3 properties the service sets (to anything but null, as v3 checks). */
    public static List<Replaced> iamSettings(Service service) {
        List<Replaced> out = new ArrayList<>();
        IAM_SETTINGS.forEach((path, replacement) -> {
            Setting setting = service.settings().at(path.split("\\."));
            if (setting.present() && !setting.isNull()) {
                out.add(new Replaced(setting, path, replacement));
            }
        });
        return out;
    }

    /**
     * The {@code include} and {@code exclude} keys of the service's, each function's and each layer's
     * {@code package} that v3 finds set (JavaScript-truthy: an empty list counts).
     */
    public static List<Setting> packageIncludeExclude(Service service) {
        Setting root = service.settings();
        List<Setting> packages = new ArrayList<>();
        packages.add(root.get("package"));
        root.get("functions").members().forEach(f -> packages.add(f.get("package")));
        root.get("layers").members().forEach(l -> packages.add(l.get("package")));
        List<Setting> out = new ArrayList<>();
        for (Setting pkg : packages) {
            for (String key : List.of("include", "exclude")) {
                if (pkg.get(key).truthy()) {
                    out.add(pkg.get(key));
                }
            }
        }
        return out;
    }

    /** The top-level setting {@code key} when it is written and not null (as v3 checks). */
    public static List<Setting> topLevel(Service service, String key) {
        Setting setting = service.settings().get(key);
        return setting.present() && !setting.isNull() ? List.of(setting) : List.of();
    }

    /** {@code provider.lambdaHashingVersion} when it is one of the two values v3 warns about. */
    public static List<Setting> lambdaHashingVersion(Service service) {
        Setting version = service.settings().at("provider", "lambdaHashingVersion");
        String text = version.textOr("");
        return text.equals("20200924") || text.equals("20201221") ? List.of(version) : List.of();
    }

    /**
     * {@code provider.tags} when the websocket API will get them by default in the next major
     * version (v3 does not warn when the routes go to an external API: it creates none).
     */
    public static List<Setting> websocketProviderTags(Service service) {
        Setting provider = service.settings().get("provider");
        if (!provider.get("tags").truthy() || provider.at("websocket", "useProviderTags").truthy()
                || provider.at("apiGateway", "websocketApiId").truthy()) {
            return List.of();
        }
        return List.of(provider.get("tags"));
    }

    /** True when the service sets {@code configValidationMode} at all (v3's test is JavaScript truthiness). */
    public static boolean validationModeSet(Service service) {
        return service.settings().get("configValidationMode").truthy();
    }
}

package dev.slsguard.engine.compile;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.source.MapNode;
import dev.slsguard.engine.source.Node;
import dev.slsguard.engine.source.ScalarNode;
import java.util.Locale;
import java.util.Optional;

/**
 * slsguard checks AWS services only: a {@code provider.name} of another cloud (google, azure,
 * openwhisk, kubeless, ...) is never compiled as if it were AWS.
 */
public final class ProviderCheck {

    private ProviderCheck() {
    }

    /**
     * Refuses a configuration whose {@code provider.name} is a literal other than {@code aws}; a
     * value that still holds a variable is left for the resolved configuration.
     *
     * @throws UserError (of {@link UserError#isOtherProvider()}) at {@code provider.name}
     */
    public static void requireAws(Node root) {
        if (!(root instanceof MapNode map)) {
            return;
        }
        Optional<Node> name = map.at("provider", "name");
        if (name.isEmpty() || !(name.get() instanceof ScalarNode scalar) || scalar.value() == null) {
            return;
        }
        String provider = scalar.text().trim();
        if (provider.contains("${") || provider.toLowerCase(Locale.ROOT).equals("aws")) {
            return;
        }
        throw UserError.otherProvider(scalar.ref(), "provider.name is " + provider
                + ": slsguard checks AWS services only, so this service is not analysed");
    }
}

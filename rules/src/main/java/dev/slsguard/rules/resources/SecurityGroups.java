package dev.slsguard.rules.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ingress rules of security groups ({@code SecurityGroupIngress} of an {@code AWS::EC2::SecurityGroup},
 * or an {@code AWS::EC2::SecurityGroupIngress}) that admit the whole internet ({@code 0.0.0.0/0},
 * {@code ::/0}), with the ports they open.
 */
public final class SecurityGroups {

    /** Ports that administer a host. */
    static final Map<Integer, String> ADMIN_PORTS = new TreeMap<>(Map.of(22, "SSH", 23, "Telnet", 3389, "RDP",
            5900, "VNC", 5985, "WinRM", 5986, "WinRM over HTTPS"));

    /** Ports of databases, caches and search engines. */
    static final Map<Integer, String> DATABASE_PORTS = new TreeMap<>(Map.ofEntries(Map.entry(1433, "SQL Server"),
            Map.entry(1521, "Oracle"), Map.entry(3306, "MySQL"), Map.entry(5432, "PostgreSQL"),
            Map.entry(5439, "Redshift"), Map.entry(6379, "Redis"), Map.entry(8182, "Neptune"),
            Map.entry(9042, "Cassandra"), Map.entry(9200, "OpenSearch"), Map.entry(9300, "OpenSearch transport"),
            Map.entry(11211, "Memcached"), Map.entry(27017, "MongoDB / DocumentDB")));

    private static final List<String> OPEN_IPV4 = List.of("0.0.0.0/0");
    private static final List<String> OPEN_IPV6 = List.of("::/0", "0:0:0:0:0:0:0:0/0", "0000:0000:0000:0000:0000:0000:0000:0000/0");

    private SecurityGroups() {
    }

    /**
     * One ingress rule open to the internet.
     *
     * @param source the {@code CidrIp} or {@code CidrIpv6} entry that is open
     * @param from   first port (0 for all)
     * @param to     last port (65535 for all)
     */
    public record OpenIngress(Property source, long from, long to) {

        /** Every port (IpProtocol -1, or TCP/UDP 0-65535). */
        public boolean allPorts() {
            return from <= 0 && to >= 65535;
        }

        /** The named ports of {@code ports} in this rule's range, as {@code 22 (SSH), 3389 (RDP)}. */
        String named(Map<Integer, String> ports) {
            List<String> hits = new ArrayList<>();
            ports.forEach((port, name) -> {
                if (port >= from && port <= to) {
                    hits.add(port + " (" + name + ")");
                }
            });
            return Buckets.words(hits);
        }

        /** The administration ports in range, {@code 22 (SSH)}; empty when none. */
        public String adminPorts() {
            return allPorts() ? "" : named(ADMIN_PORTS);
        }

        /** The database ports in range, {@code 5432 (PostgreSQL)}; empty when none. */
        public String databasePorts() {
            return allPorts() ? "" : named(DATABASE_PORTS);
        }

        /** {@code CidrIp 0.0.0.0/0} for messages. */
        public String sourceText() {
            return source.name() + " " + source.text().orElse("");
        }

        /** {@code port 22}, {@code ports 1000-4000}, {@code every port}. */
        public String portText() {
            return allPorts() ? "every port" : from == to ? "port " + from : "ports " + from + "-" + to;
        }
    }

    /** The ingress rules of {@code group} (a security group or a security group ingress) open to the internet. */
    public static List<OpenIngress> openIngress(TemplateResource group) {
        List<Property> rules = group.type().equals("AWS::EC2::SecurityGroupIngress")
                ? List.of(group.property())
                : group.property("SecurityGroupIngress").items();
        List<OpenIngress> out = new ArrayList<>();
        for (Property rule : rules) {
            Property source = openSource(rule);
            if (source == null) {
                continue;
            }
            Property protocol = rule.get("IpProtocol");
            String name = protocol.text().map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
            if (name == null) {
                continue;
            }
            if (name.equals("-1") || name.equals("all")) {
                out.add(new OpenIngress(source, 0, 65535));
            } else if (name.equals("tcp") || name.equals("udp") || name.equals("6") || name.equals("17")) {
                Long from = rule.get("FromPort").integer().orElse(null);
                Long to = rule.get("ToPort").integer().orElse(null);
                if (from != null && to != null) {
                    out.add(from == -1 && to == -1 ? new OpenIngress(source, 0, 65535) : new OpenIngress(source, from, to));
                }
            }
        }
        return out;
    }

    private static Property openSource(Property rule) {
        Property ipv4 = rule.get("CidrIp");
        if (OPEN_IPV4.stream().anyMatch(ipv4::textIs)) {
            return ipv4;
        }
        Property ipv6 = rule.get("CidrIpv6");
        if (ipv6.text().map(t -> t.toLowerCase(Locale.ROOT)).filter(OPEN_IPV6::contains).isPresent()) {
            return ipv6;
        }
        return null;
    }
}

package dev.slsguard.reports;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.NotAnalysed;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.rules.RuleInfo;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Findings as JUnit XML, which CI systems display as test results: one {@code testsuite} per rule
 * pack (every pack of the rule base, by name), one {@code testcase} per finding (a {@code failure}
 * for errors and warnings, a passed case with the message as output for notes) and one passed
 * {@code testcase} per rule that reported nothing. Written with the JDK's XML writer, so every
 * value is escaped; characters XML 1.0 cannot hold are dropped.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String render(Analysis analysis, ToolInfo tool) {
        return render(List.of(analysis), tool, analysis.source().displayName());
    }

    /** Several services checked at once: one report, every service's findings; {@code name} names the run. */
    public static String render(List<Analysis> analyses, ToolInfo tool, String name) {
        return render(analyses, tool, name, List.of());
    }

    /**
     * Several services, some not analysed: those form a {@code testsuite} of their own named
     * {@code services}, one {@code testcase} each, with an {@code error} (or {@code skipped} for a
     * service of another provider) at its location.
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, String name, List<NotAnalysed> notAnalysed) {
        return render(analyses, tool, name, notAnalysed, Optional.of(Severity.WARNING));
    }

    /**
     * As above, with findings at or above {@code failAt} as failures (the run's {@code --fail-on};
     * empty: none) and the others as passed test cases with their message as output.
     */
    public static String render(List<Analysis> analyses, ToolInfo tool, String name, List<NotAnalysed> notAnalysed,
                                Optional<Severity> failAt) {
        Predicate<Finding> fails = f -> failAt.isPresent() && f.severity().atLeast(failAt.get());
        Map<String, RuleInfo> rules = new TreeMap<>();
        List<Finding> all = new ArrayList<>();
        for (Analysis analysis : analyses) {
            analysis.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
            all.addAll(analysis.findings());
        }
        List<Finding> findings = FindingOrder.sorted(all);

        Map<String, List<Finding>> findingsByPack = new TreeMap<>();
        Map<String, List<RuleInfo>> rulesByPack = new TreeMap<>();
        for (RuleInfo rule : rules.values()) {
            String pack = HtmlReport.pack(rule);
            rulesByPack.computeIfAbsent(pack, p -> new ArrayList<>()).add(rule);
            findingsByPack.computeIfAbsent(pack, p -> new ArrayList<>());
        }
        for (Finding f : findings) {
            findingsByPack.computeIfAbsent(HtmlReport.pack(rules.get(f.ruleId())), p -> new ArrayList<>()).add(f);
        }

        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", tool.name() + " " + name);
            xml.writeAttribute("tests", Integer.toString(caseCount(findingsByPack, rulesByPack) + notAnalysed.size()));
            xml.writeAttribute("failures", Long.toString(findings.stream().filter(fails).count()));
            long errors = notAnalysed.stream().filter(n -> !n.skipped()).count();
            xml.writeAttribute("errors", Long.toString(errors));
            xml.writeCharacters("\n");
            if (!notAnalysed.isEmpty()) {
                notAnalysed(xml, notAnalysed, errors);
            }
            for (Map.Entry<String, List<Finding>> entry : findingsByPack.entrySet()) {
                String pack = entry.getKey();
                List<Finding> packFindings = entry.getValue();
                List<RuleInfo> silent = rulesByPack.getOrDefault(pack, List.of()).stream()
                        .filter(r -> packFindings.stream().noneMatch(f -> f.ruleId().equals(r.id()))).toList();
                xml.writeCharacters("  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", pack);
                xml.writeAttribute("tests", Integer.toString(packFindings.size() + silent.size()));
                xml.writeAttribute("failures", Long.toString(packFindings.stream().filter(fails).count()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", "0");
                xml.writeCharacters("\n");
                for (Finding f : packFindings) {
                    finding(xml, pack, f, rules.get(f.ruleId()), fails.test(f));
                }
                for (RuleInfo rule : silent) {
                    xml.writeCharacters("    ");
                    xml.writeEmptyElement("testcase");
                    xml.writeAttribute("classname", pack);
                    xml.writeAttribute("name", clean(rule.id() + " " + rule.title()));
                    xml.writeCharacters("\n");
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void notAnalysed(XMLStreamWriter xml, List<NotAnalysed> services, long errors)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", SERVICES);
        xml.writeAttribute("tests", Integer.toString(services.size()));
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", Long.toString(services.size() - errors));
        xml.writeCharacters("\n");
        for (NotAnalysed service : services) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", SERVICES);
            xml.writeAttribute("name", clean(service.location().file()));
            xml.writeAttribute("file", clean(service.location().file()));
            xml.writeAttribute("line", Integer.toString(service.location().line()));
            xml.writeStartElement(service.skipped() ? "skipped" : "error");
            xml.writeAttribute("message", clean(service.message()));
            if (!service.skipped()) {
                xml.writeAttribute("type", "not analysed");
                xml.writeCharacters(clean(service.oneLine()));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** The test suite of the services a run could not analyse. */
    private static final String SERVICES = "services";

    private static void finding(XMLStreamWriter xml, String pack, Finding f, RuleInfo rule, boolean fails)
            throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", pack);
        xml.writeAttribute("name", clean(f.ruleId() + " " + f.location()));
        xml.writeAttribute("file", clean(f.location().file()));
        xml.writeAttribute("line", Integer.toString(f.location().line()));
        String detail = f.location() + " " + f.severity().label() + " " + f.ruleId() + " " + f.message()
                + (rule == null || rule.help().isBlank() ? "" : "\n\n" + rule.help().trim());
        if (fails) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(f.message()));
            xml.writeAttribute("type", f.severity().label());
            xml.writeCharacters(clean(detail));
            xml.writeEndElement();
        } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(detail));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static int caseCount(Map<String, List<Finding>> findingsByPack, Map<String, List<RuleInfo>> rulesByPack) {
        int count = 0;
        for (Map.Entry<String, List<Finding>> entry : findingsByPack.entrySet()) {
            List<Finding> packFindings = entry.getValue();
            count += packFindings.size();
            count += (int) rulesByPack.getOrDefault(entry.getKey(), List.of()).stream()
                    .filter(r -> packFindings.stream().noneMatch(f -> f.ruleId().equals(r.id()))).count();
        }
        return count;
    }

    /** Drops what XML 1.0 cannot contain (most control characters, lone surrogates). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.Analysis;
import dev.slsguard.engine.model.Finding;
import dev.slsguard.engine.model.Severity;
import dev.slsguard.engine.model.SourceRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML parsed back with the JDK's parser. */
class JUnitReportTest {

    private static final ToolInfo TOOL = ToolInfo.slsguard("1.2.3");

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element suite(Document doc, String name) {
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            if (suite.getAttribute("name").equals(name)) {
                return suite;
            }
        }
        throw new AssertionError("no testsuite " + name);
    }

    @Test
    void suitePerPackCasePerFindingFailuresForErrorsAndWarnings() throws Exception {
        String xml = JUnitReport.render(SampleAnalysis.analysis(), TOOL);
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("3", root.getAttribute("failures"), xml);
        List<String> suites = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < all.getLength(); i++) {
            suites.add(((Element) all.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("deprecation", "least-privilege", "unknown", "validation"), suites);

        Element iam = suite(doc, "least-privilege");
        assertEquals("1", iam.getAttribute("tests"));
        Element testcase = (Element) iam.getElementsByTagName("testcase").item(0);
        assertEquals("SLS-IAM-001 services/orders/serverless.yml:12:13", testcase.getAttribute("name"));
        assertEquals("12", testcase.getAttribute("line"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals("Statement allows \"*\".", failure.getAttribute("message"));
        assertEquals("error", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("best-practices.html"), "the rule's help");

        Element warning = (Element) suite(doc, "deprecation").getElementsByTagName("failure").item(0);
        assertEquals("warning", warning.getAttribute("type"));
        Element note = (Element) suite(doc, "unknown").getElementsByTagName("testcase").item(0);
        assertEquals(0, note.getElementsByTagName("failure").getLength(), "a note does not fail");
        assertEquals(1, note.getElementsByTagName("system-out").getLength());
        assertEquals(Integer.parseInt(root.getAttribute("tests")), doc.getElementsByTagName("testcase").getLength());
    }

    @Test
    void silentRulesPassAndUserTextIsEscaped() throws Exception {
        Analysis analysis = SampleAnalysis.analysis().withFindings(List.of(new Finding("SLS-VAL-101", Severity.ERROR,
                "bad <name> & \"quote\" ]]> \u0001end", new SourceRef("a&b<c>.yml", 4, 2, "/x"), "fp")));
        String xml = JUnitReport.render(analysis, TOOL);
        Document doc = parse(xml);
        Element failure = (Element) suite(doc, "validation").getElementsByTagName("failure").item(0);
        assertEquals("bad <name> & \"quote\" ]]> end", failure.getAttribute("message"));
        Element iam = suite(doc, "least-privilege");
        Element passed = (Element) iam.getElementsByTagName("testcase").item(0);
        assertEquals("SLS-IAM-001 wildcard action in IAM statement", passed.getAttribute("name"));
        assertEquals(0, passed.getChildNodes().getLength());
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        assertEquals(xml, JUnitReport.render(analysis, TOOL), "same input, same bytes");
    }
}

package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code --format junit}: the findings of a real service as JUnit XML, parsed back. */
class JUnitOutputTest {

    @TempDir
    Path dir;

    @Test
    void findingsBecomeFailedTestCases() throws Exception {
        Services.write(dir.resolve("svc"), Services.WITH_ERRORS);
        Run run = Run.in(dir, "check", "svc", "--output", "out", "--format", "junit");
        assertEquals(1, run.exitCode(), run.toString());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());

        Run json = Run.in(dir, "check", "svc", "--output", "out", "--format", "json");
        int errorsAndWarnings = json.out().split("\"severity\": \"(error|warning)\"", -1).length - 1;
        assertTrue(errorsAndWarnings > 0, json.out());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(errorsAndWarnings, failures.getLength(), run.out());
        assertEquals(Integer.toString(errorsAndWarnings), root.getAttribute("failures"));
        Element testcase = (Element) failures.item(0).getParentNode();
        assertEquals("svc/serverless.yml", testcase.getAttribute("file"));
        assertTrue(doc.getElementsByTagName("testsuite").getLength() >= 3, "a suite per built-in pack");
    }
}

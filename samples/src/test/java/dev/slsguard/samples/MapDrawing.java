package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slsguard.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A service map as a test reads it back from the SVG slsguard wrote: its boxes (kind, title, second
 * line) and its arrows (from, to, kind, label, link), through an XML parser that refuses DOCTYPEs
 * and external entities.
 */
record MapDrawing(Document document, List<Box> boxes, List<Arrow> arrows) {

    /** A box: what it is, the two lines it shows and its tooltip (its {@code <title>}). */
    record Box(String id, String kind, String title, String detail, String tooltip) {
    }

    record Arrow(Box from, Box to, String kind, String label, String href, String severity) {
    }

    /** Runs {@code slsguard check} in {@code dir} with {@code args}, into {@code out}; exit code 0 expected. */
    static void check(Path dir, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", out.toString(), "--fail-on", "never"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    /** Parses an SVG document (or the {@code <svg>} element cut out of a page). */
    static MapDrawing parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document document = builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, Box> boxes = new HashMap<>();
        List<Box> boxList = new ArrayList<>();
        for (Element g : elements(document, "g")) {
            if (g.hasAttribute("data-box")) {
                List<Element> texts = children(g, "text");
                Box box = new Box(g.getAttribute("data-box"), g.getAttribute("data-kind"),
                        texts.get(0).getTextContent(), texts.get(1).getTextContent(),
                        children(g, "title").get(0).getTextContent());
                boxes.put(box.id(), box);
                boxList.add(box);
            }
        }
        List<Arrow> arrows = new ArrayList<>();
        for (Element g : elements(document, "g")) {
            if (g.hasAttribute("data-from")) {
                List<Element> texts = children(g, "text");
                Element parent = (Element) g.getParentNode();
                String href = parent.getLocalName().equals("a") ? parent.getAttribute("href") : "";
                arrows.add(new Arrow(boxes.get(g.getAttribute("data-from")), boxes.get(g.getAttribute("data-to")),
                        g.getAttribute("data-kind"), texts.isEmpty() ? "" : texts.get(0).getTextContent(), href,
                        g.getAttribute("data-severity")));
            }
        }
        return new MapDrawing(document, boxList, arrows);
    }

    /** The {@code <svg>} element of a page. */
    static String cutFromPage(String html) {
        int start = html.indexOf("<svg");
        return html.substring(start, html.indexOf("</svg>", start) + "</svg>".length());
    }

    List<Box> boxes(String kind) {
        return boxes.stream().filter(b -> b.kind().equals(kind)).toList();
    }

    Box box(String title) {
        List<Box> found = boxes.stream().filter(b -> b.title().equals(title)).toList();
        assertEquals(1, found.size(), "one box titled " + title + " in " + boxes);
        return found.get(0);
    }

    List<Arrow> from(Box box) {
        return arrows.stream().filter(a -> a.from().equals(box)).toList();
    }

    List<Arrow> to(Box box) {
        return arrows.stream().filter(a -> a.to().equals(box)).toList();
    }

    static List<Element> elements(Document document, String name) {
        NodeList list = document.getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}

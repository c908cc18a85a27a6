package dev.slsguard.reports.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.reports.AccessLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SVG writer: names as escaped text, links where the page says, the same bytes every time. */
class MapSvgTest {

    private static final MapLinks LINKS = new MapLinks() {
        @Override
        public String function(String key) {
            return "#fn-" + key;
        }

        @Override
        public String finding(int index) {
            return "#finding-" + (index + 1);
        }
    };

    @Test
    void namesAreTextAndCharactersXmlCannotHoldAreReplaced() {
        assertEquals("&lt;/svg&gt;&lt;script&gt;]]&gt;&amp;&quot;&#39;\uFFFD\uFFFDok\uD83D\uDE00",
                MapSvg.escape("</svg><script>]]>&\"'\u0001\uD800ok\uD83D\uDE00"));
    }

    @Test
    void sameMapSameBytesWithLinksAndColours() {
        ServiceMap map = new ServiceMap(List.of(
                new ServiceMap.Box("function:f<", ServiceMap.Kind.FUNCTION, "f<", "function x", "lambda",
                        List.of("f<"), Optional.of(new ServiceMap.Link(ServiceMap.Target.FUNCTION, "f<"))),
                new ServiceMap.Box("role:R", ServiceMap.Kind.ROLE, "R", "IAM role", "iam", List.of(), Optional.empty()),
                new ServiceMap.Box(ResourceNames.EVERY, ServiceMap.Kind.EVERY_RESOURCE, "*", "every resource", "",
                        List.of(), Optional.empty())),
                List.of(new ServiceMap.Arrow("function:f<", "role:R", ServiceMap.Line.RUNS_WITH, List.of(), Set.of(),
                                Optional.empty(), Optional.empty(), false),
                        new ServiceMap.Arrow("role:R", ResourceNames.EVERY, ServiceMap.Line.GRANT, List.of(),
                                Set.of(AccessLevel.WRITE, AccessLevel.READ), Optional.of(dev.slsguard.engine.model.Severity.ERROR),
                                Optional.of(new ServiceMap.Link(ServiceMap.Target.FINDING, "2")), true)));
        String svg = MapSvg.element(MapLayout.of(map), LINKS, "s1-map-");
        assertEquals(svg, MapSvg.element(MapLayout.of(map), LINKS, "s1-map-"));
        assertTrue(svg.contains("<a href=\"#fn-f&lt;\">"), svg);
        assertTrue(svg.contains("<a href=\"#finding-3\"><g class=\"sm-error\""), svg);
        assertTrue(svg.contains(">read, write</text>"), svg);
        assertTrue(svg.contains("marker-end=\"url(#s1-map-sm-head-red)\""), svg);
        assertTrue(svg.contains("<marker id=\"s1-map-sm-head-red\""), svg);
        assertFalse(svg.contains("<script"), svg);
    }
}

package dev.slsguard.reports.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.model.Severity;
import dev.slsguard.reports.AccessLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Large maps made readable: functions grouped, resources collapsed by service, the budget kept. */
class MapCondenserTest {

    @Test
    void functionsWithOneRoleAndSameShapedArrowsBecomeOneBoxOnceTheirQueuesAreCollapsed() {
        List<ServiceMap.Box> boxes = new ArrayList<>();
        List<ServiceMap.Arrow> arrows = new ArrayList<>();
        boxes.add(box("role:R", ServiceMap.Kind.ROLE, "R", "iam"));
        for (int i = 0; i < 500; i++) {
            boxes.add(box("queue:" + i, ServiceMap.Kind.SOURCE, "queue-" + i, "sqs"));
            boxes.add(box("function:fn" + i, ServiceMap.Kind.FUNCTION, "fn" + i, "lambda"));
            arrows.add(arrow("queue:" + i, "function:fn" + i, ServiceMap.Line.EVENT, "sqs · poll"));
            arrows.add(arrow("function:fn" + i, "role:R", ServiceMap.Line.RUNS_WITH, ""));
            arrows.add(new ServiceMap.Arrow("role:R", "queue:" + i, ServiceMap.Line.GRANT, List.of(),
                    Set.of(AccessLevel.READ), Optional.empty(), Optional.empty(), false));
        }
        boxes.sort(ServiceMapBuilder.BOX_ORDER);
        ServiceMap condensed = MapCondenser.condense(new ServiceMap(boxes, arrows));

        assertEquals(List.of("500 sqs event sources", "500 functions", "R"),
                condensed.boxes().stream().map(ServiceMap.Box::title).toList());
        ServiceMap.Box functions = condensed.boxes().get(1);
        assertEquals("fn0, fn1, fn2, …", functions.detail(), "in counting order");
        assertEquals(500, functions.members().size());
        assertEquals(3, condensed.arrows().size(), condensed.arrows().toString());
        assertEquals("read", condensed.arrows().stream().filter(a -> a.line() == ServiceMap.Line.GRANT)
                .findFirst().orElseThrow().text());
    }

    @Test
    void aFewResourcesOfAServiceStayOneByOne() {
        List<ServiceMap.Box> boxes = new ArrayList<>();
        List<ServiceMap.Arrow> arrows = new ArrayList<>();
        boxes.add(box("role:R", ServiceMap.Kind.ROLE, "R", "iam"));
        for (int i = 0; i < MapCondenser.THRESHOLD; i++) {
            boxes.add(box("table:" + i, ServiceMap.Kind.RESOURCE, "table-" + i, "dynamodb"));
            arrows.add(arrow("role:R", "table:" + i, ServiceMap.Line.GRANT, ""));
        }
        ServiceMap map = new ServiceMap(boxes, arrows);
        assertEquals(map, MapCondenser.condense(map));
    }

    @Test
    void mergedGrantsKeepTheWorstFindingAndEveryLevel() {
        List<ServiceMap.Box> boxes = new ArrayList<>();
        List<ServiceMap.Arrow> arrows = new ArrayList<>();
        boxes.add(box("role:R", ServiceMap.Kind.ROLE, "R", "iam"));
        Severity[] severities = {Severity.NOTE, Severity.ERROR, Severity.WARNING};
        for (int i = 0; i <= MapCondenser.THRESHOLD; i++) {
            boxes.add(box("bucket:" + i, ServiceMap.Kind.RESOURCE, "bucket-" + i, "s3"));
            Severity severity = severities[i % 3];
            arrows.add(new ServiceMap.Arrow("role:R", "bucket:" + i, ServiceMap.Line.GRANT, List.of(),
                    Set.of(i % 2 == 0 ? AccessLevel.READ : AccessLevel.WRITE), Optional.of(severity),
                    Optional.of(new ServiceMap.Link(ServiceMap.Target.FINDING, String.valueOf(i))), false));
        }
        ServiceMap condensed = MapCondenser.condense(new ServiceMap(boxes, arrows));
        assertEquals(2, condensed.boxes().size());
        ServiceMap.Arrow grant = condensed.arrows().get(0);
        assertEquals("read, write", grant.text());
        assertEquals(Optional.of(Severity.ERROR), grant.severity());
        assertEquals("1", grant.link().orElseThrow().key(), "the first error");
    }

    @Test
    void fiveHundredRolesOfTheirOwnStillFitTheBudget() {
        List<ServiceMap.Box> boxes = new ArrayList<>();
        List<ServiceMap.Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            boxes.add(box("function:fn" + i, ServiceMap.Kind.FUNCTION, "fn" + i, "lambda"));
            boxes.add(box("role:R" + i, ServiceMap.Kind.ROLE, "R" + i, "iam"));
            arrows.add(arrow("function:fn" + i, "role:R" + i, ServiceMap.Line.RUNS_WITH, ""));
            for (String service : List.of("sqs", "s3", "dynamodb", "kinesis", "sns")) {
                boxes.add(box(service + ":" + i, ServiceMap.Kind.RESOURCE, service + "-" + i, service));
                arrows.add(arrow("role:R" + i, service + ":" + i, ServiceMap.Line.GRANT, ""));
            }
        }
        boxes.sort(ServiceMapBuilder.BOX_ORDER);
        ServiceMap condensed = MapCondenser.condense(new ServiceMap(boxes, arrows));
        assertTrue(condensed.boxes().size() <= MapCondenser.MAX_BOXES, condensed.boxes().size() + " boxes");
        assertTrue(condensed.arrows().size() <= MapCondenser.MAX_ARROWS, condensed.arrows().size() + " arrows");
        assertEquals(List.of("500 functions"), condensed.boxes().stream()
                .filter(b -> b.kind() == ServiceMap.Kind.FUNCTION).map(ServiceMap.Box::title).toList());
    }

    private static ServiceMap.Box box(String id, ServiceMap.Kind kind, String title, String service) {
        return new ServiceMap.Box(id, kind, title, service, service, kind == ServiceMap.Kind.FUNCTION ? List.of(title)
                : List.of(), Optional.empty());
    }

    private static ServiceMap.Arrow arrow(String from, String to, ServiceMap.Line line, String label) {
        return new ServiceMap.Arrow(from, to, line, label.isEmpty() ? List.of() : List.of(label), Set.of(),
                Optional.empty(), Optional.empty(), false);
    }
}

package dev.slsguard.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LodashMergeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void objectsMergeDeeplyAndSourceWins() throws Exception {
        ObjectNode target = json("{'a':{'x':1,'y':{'p':1}},'b':2}");
        LodashMerge.merge(target, json("{'a':{'y':{'q':2},'x':9},'c':3}"));
        assertEquals(json("{'a':{'x':9,'y':{'p':1,'q':2}},'b':2,'c':3}"), target);
        assertEquals(List.of("a", "b", "c"), keys(target));
        assertEquals(List.of("x", "y"), keys(target.get("a")));
    }

    @Test
    void arraysMergeByIndex() throws Exception {
        ObjectNode target = json("{'DependsOn':['Role','Alias','Third'],'list':[{'a':1},{'b':2}]}");
        LodashMerge.merge(target, json("{'DependsOn':['Authorizer'],'list':[{'c':3}]}"));
        assertEquals(json("{'DependsOn':['Authorizer','Alias','Third'],'list':[{'a':1,'c':3},{'b':2}]}"), target);
    }

    @Test
    void nullAndScalarsReplaceAndNewContainersAreCopies() throws Exception {
        ObjectNode source = json("{'a':null,'b':{'deep':[1,2]},'c':'text'}");
        ObjectNode target = json("{'a':{'x':1},'b':5,'c':{'was':'object'}}");
        LodashMerge.merge(target, source);
        assertEquals(json("{'a':null,'b':{'deep':[1,2]},'c':'text'}"), target);
        ((ObjectNode) target.get("b")).put("changed", true);
        assertEquals(json("{'deep':[1,2]}"), source.get("b"), "the source is never aliased");
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}

package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateWriterTest {

    @Test
    void writesLikeJsonStringifyWithTwoSpacesKeepingKeyOrder() {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", "The AWS CloudFormation template for this Serverless application");
        ObjectNode queue = template.putObject("Resources").putObject("Queue");
        queue.put("Type", "AWS::SQS::Queue");
        ObjectNode props = queue.putObject("Properties");
        props.put("VisibilityTimeout", 30);
        props.put("Ratio", 2.0);
        props.put("Half", 0.5);
        props.put("Enabled", true);
        props.putNull("Nothing");
        props.putArray("Empty");
        props.putObject("None");
        props.putArray("Tags").add("a\"b\\c\n\u0001é");
        template.putObject("Outputs");

        assertEquals("""
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Description": "The AWS CloudFormation template for this Serverless application",
                  "Resources": {
                    "Queue": {
                      "Type": "AWS::SQS::Queue",
                      "Properties": {
                        "VisibilityTimeout": 30,
                        "Ratio": 2,
                        "Half": 0.5,
                        "Enabled": true,
                        "Nothing": null,
                        "Empty": [],
                        "None": {},
                        "Tags": [
                          "a\\"b\\\\c\\n\\u0001é"
                        ]
                      }
                    }
                  },
                  "Outputs": {}
                }
                """, TemplateWriter.render(template));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({"1.0, 1", "0.5, 0.5", "-2.25, -2.25", "1e21, 1e+21", "1e20, 100000000000000000000",
            "0.000001, 0.000001", "1e-7, 1e-7", "1.5e-9, 1.5e-9", "123456.789, 123456.789", "-0.0, 0"})
    void numbersPrintAsJavaScriptDoes(double value, String expected) {
        assertEquals(expected, JsonText.number(JsonNodeFactory.instance.numberNode(value)));
    }

    @Test
    void integersPrintAsDigits() {
        assertEquals("9007199254740993", JsonText.number(JsonNodeFactory.instance.numberNode(9007199254740993L)));
        assertEquals("-42", JsonText.number(JsonNodeFactory.instance.numberNode(-42)));
    }
}

package dev.slsguard.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

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
}

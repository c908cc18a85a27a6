package dev.slsguard.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the CloudFormation template as Serverless Framework does ({@code JSON.stringify(t, null, 2)}),
 * plus a trailing newline. Keys keep the order the merge step gave them, so equal input gives equal bytes.
 */
public final class TemplateWriter {

    private TemplateWriter() {
    }

    public static String render(ObjectNode template) {
        return JsonText.write(template);
    }

    public static byte[] bytes(ObjectNode template) {
        return JsonText.bytes(template);
    }
}

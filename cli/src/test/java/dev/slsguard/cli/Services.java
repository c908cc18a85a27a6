package dev.slsguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small services written into test directories. */
final class Services {

    /** One queue consumer with a queue defined in the stack and scoped permissions: no errors expected. */
    static final String CLEAN = """
            service: tidy
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs20.x
              region: eu-west-1
              timeout: 10
              kinesis:
                consumerNamingMode: serviceSpecific
            functions:
              worker:
                handler: handler.worker
                description: Handles work items
                events:
                  - sqs:
                      arn: !GetAtt WorkQueue.Arn
                      batchSize: 5
            resources:
              Resources:
                WorkDeadLetters:
                  Type: AWS::SQS::Queue
                WorkQueue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 60
                    RedrivePolicy:
                      deadLetterTargetArn: !GetAtt WorkDeadLetters.Arn
                      maxReceiveCount: 3
            """;

    /** Every action on every resource, and a queue that hides messages for less than the function runs. */
    static final String WITH_ERRORS = """
            service: risky
            frameworkVersion: '3'
            provider:
              name: aws
              runtime: nodejs20.x
              region: us-east-1
              timeout: 120
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: '*'
                      Resource: '*'
            functions:
              worker:
                handler: handler.worker
                events:
                  - sqs:
                      arn: !GetAtt WorkQueue.Arn
            resources:
              Resources:
                WorkQueue:
                  Type: AWS::SQS::Queue
                  Properties:
                    VisibilityTimeout: 30
                    RedrivePolicy:
                      deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:work-failed
                      maxReceiveCount: 3
            """;

    /** YAML that does not parse: a mis-indented key, then an unclosed flow sequence (line 4). */
    static final String MALFORMED = """
            service: malformed
            provider:
              name: aws
               runtime: [nodejs20.x
            functions:
            """;

    private Services() {
    }

    /** Writes {@code serverless.yml} (and a handler) into {@code dir}; returns the directory. */
    static Path write(Path dir, String serverlessYml) {
        return write(dir, "serverless.yml", serverlessYml);
    }

    static Path write(Path dir, String fileName, String content) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("handler.js"), "module.exports.worker = async () => {};\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

#!/usr/bin/env python3
"""Writes a Serverless Framework service with N functions x 5 events (and three hand-written IAM
statements) for timing.

usage: gen-service.py N OUT_DIR [PROFILE]
  streams (default): 2 sqs + 3 stream events per function (a Kinesis consumer, an onFailure queue)
  api:               3 http + 1 httpApi + 1 s3 event per function
  streaming:         2 kafka (SCRAM with VPC access, mutual TLS with filter patterns) + 1 msk +
                     2 eventBridge (a custom bus with retry policy and dead-letter queue, the default
                     bus) events per function
"""
import os
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = sys.argv[2]
    profile = sys.argv[3] if len(sys.argv) == 4 else "streams"
    if profile not in ("streams", "api", "streaming"):
        sys.exit(__doc__)
    os.makedirs(out, exist_ok=True)
    lines = [
        f"service: bench-{n}",
        "frameworkVersion: '3'",
        "configValidationMode: error",
        "provider:",
        "  name: aws",
        "  runtime: nodejs18.x",
        "  region: us-east-1",
        "  kinesis:",
        "    consumerNamingMode: serviceSpecific",
        # hand-written statements, so the least-privilege rules (and the IAM action data) run too
        "  iam:",
        "    role:",
        "      statements:",
        "        - Effect: Allow",
        "          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]",
        "          Resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders",
        "        - Effect: Allow",
        "          Action: s3:Get*",
        "          Resource: arn:aws:s3:::reports/*",
        "        - Effect: Allow",
        "          Action: [ssm:GetParameter, kms:Decrypt]",
        "          Resource: '*'",
        "functions:",
    ]
    for i in range(n):
        if profile == "api":
            lines += api_function(i)
            continue
        if profile == "streaming":
            lines += streaming_function(i)
            continue
        lines += [
            f"  fn{i}:",
            f"    handler: handler.fn{i}",
            "    events:",
            f"      - sqs: arn:aws:sqs:us-east-1:123456789012:queue-{i}",
            "      - sqs:",
            f"          arn: arn:aws:sqs:us-east-1:123456789012:batch-{i}",
            "          batchSize: 50",
            "          maximumBatchingWindow: 10",
            f"      - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks-{i}",
            "      - stream:",
            f"          arn: arn:aws:dynamodb:us-east-1:123456789012:table/T{i}/stream/2024-01-01T00:00:00.000",
            "          startingPosition: LATEST",
            "          maximumRetryAttempts: 3",
            "          destinations:",
            f"            onFailure: arn:aws:sqs:us-east-1:123456789012:dlq-{i}",
            "      - stream:",
            f"          arn: arn:aws:kinesis:us-east-1:123456789012:stream/events-{i}",
            "          consumer: true",
            "          batchSize: 100",
        ]
    with open(os.path.join(out, "serverless.yml"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "handler.js"), "w") as fh:
        fh.write("module.exports = new Proxy({}, { get: () => async () => ({}) });\n")


def api_function(i):
    return [
        f"  fn{i}:",
        f"    handler: handler.fn{i}",
        "    events:",
        f"      - http: GET /items{i}/{{id}}",
        "      - http:",
        f"          path: items{i}",
        "          method: post",
        "          cors: true",
        "      - http:",
        f"          path: items{i}/{{id}}",
        "          method: delete",
        "          authorizer: aws_iam",
        "      - httpApi:",
        "          method: GET",
        f"          path: /v2/items{i}",
        "      - s3:",
        f"          bucket: bench-uploads-{i}",
        "          event: s3:ObjectCreated:*",
        "          rules:",
        "            - prefix: incoming/",
    ]


def streaming_function(i):
    secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret"
    return [
        f"  fn{i}:",
        f"    handler: handler.fn{i}",
        "    events:",
        "      - kafka:",
        f"          topic: clicks-{i}",
        "          bootstrapServers:",
        "            - b-1.kafka.internal:9096",
        "            - b-2.kafka.internal:9096",
        "          accessConfigurations:",
        f"            saslScram512Auth: {secret}:kafka-{i}",
        "            vpcSubnet:",
        "              - subnet-0a1b2c3d",
        "              - subnet-4e5f6a7b",
        "            vpcSecurityGroup: sg-0a1b2c3d",
        "          batchSize: 100",
        "          startingPosition: LATEST",
        "      - kafka:",
        f"          topic: orders-{i}",
        "          bootstrapServers:",
        "            - b-1.kafka.example.com:9094",
        "          accessConfigurations:",
        f"            clientCertificateTlsAuth: {secret}:client-cert-{i}",
        f"            serverRootCaCertificate: {secret}:root-ca",
        "          filterPatterns:",
        "            - value:",
        "                type:",
        "                  - OrderPlaced",
        "      - msk:",
        f"          arn: arn:aws:kafka:us-east-1:123456789012:cluster/events/abc-{i}",
        f"          topic: events-{i}",
        f"          saslScram512: {secret}:msk-{i}",
        "          startingPosition: TRIM_HORIZON",
        "      - eventBridge:",
        "          eventBus: orders",
        "          pattern:",
        "            source:",
        "              - orders.api",
        "            detail-type:",
        f"              - Order{i}Placed",
        "          retryPolicy:",
        "            maximumEventAge: 3600",
        "            maximumRetryAttempts: 10",
        f"          deadLetterQueueArn: arn:aws:sqs:us-east-1:123456789012:events-dlq-{i}",
        "      - eventBridge:",
        "          pattern:",
        "            source:",
        "              - aws.ec2",
        "            detail-type:",
        "              - EC2 Instance State-change Notification",
        "            detail:",
        "              state:",
        "                - terminated",
    ]


if __name__ == "__main__":
    main()

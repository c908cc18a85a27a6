#!/usr/bin/env python3
"""Writes a Serverless Framework service with N functions x 5 events (sqs and stream) for timing.

usage: gen-service.py N OUT_DIR
"""
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out = sys.argv[2]
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
        "functions:",
    ]
    for i in range(n):
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


if __name__ == "__main__":
    main()

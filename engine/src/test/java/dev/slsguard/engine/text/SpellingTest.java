package dev.slsguard.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> SQS_OPTIONS = List.of("arn", "batchSize", "enabled", "maximumBatchingWindow",
            "functionResponseType", "filterPatterns", "maximumConcurrency");

    @Test
    void suggestsCloseNames() {
        assertEquals(Optional.of("batchSize"), Spelling.closest("batchsize", SQS_OPTIONS));
        assertEquals(Optional.of("sqs"), Spelling.closest("sqsQueue", List.of("sns", "sqs", "stream")));
        assertEquals(Optional.of("stream"), Spelling.closest("Stream", List.of("sns", "sqs", "stream")));
        assertEquals(Optional.empty(), Spelling.closest("queueName", SQS_OPTIONS));
        assertEquals(" (did you mean enabled?)", Spelling.hint("enable", SQS_OPTIONS));
    }
}

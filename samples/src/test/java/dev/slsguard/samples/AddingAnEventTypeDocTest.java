package dev.slsguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/adding-an-event-type.md true: it names at most six source files, and each of them
 * exists for its worked example, sqs.
 */
class AddingAnEventTypeDocTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
    private static final Pattern FILE_HEADING = Pattern.compile("^### \\d+\\. .*?`([^`]+)`$", Pattern.MULTILINE);

    @Test
    void atMostSixSourceFilesEachOfWhichExistsForSqs() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/adding-an-event-type.md"));
        List<String> files = new ArrayList<>();
        Matcher m = FILE_HEADING.matcher(doc);
        while (m.find()) {
            files.add(m.group(1));
        }
        assertTrue(!files.isEmpty() && files.size() <= 6, "source files named: " + files);
        for (String file : files) {
            Path sqs = ROOT.resolve(file.replace("<key>", "sqs").replace("<Name>", "Sqs"));
            assertTrue(Files.isRegularFile(sqs), file + " does not exist for sqs: " + sqs);
        }
        assertEquals(6, files.size(), "the doc walks through six files: " + files);
    }
}

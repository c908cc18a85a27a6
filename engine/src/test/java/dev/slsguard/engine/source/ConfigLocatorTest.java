package dev.slsguard.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryGivesItsServerlessFileInV3sOrder() throws IOException {
        Files.writeString(dir.resolve("serverless.json"), "{}");
        assertEquals(dir.resolve("serverless.json"), ConfigLocator.locate(dir));
        Files.writeString(dir.resolve("serverless.yaml"), "a: 1");
        assertEquals(dir.resolve("serverless.yaml"), ConfigLocator.locate(dir));
        Files.writeString(dir.resolve("serverless.yml"), "a: 1");
        assertEquals(dir.resolve("serverless.yml"), ConfigLocator.locate(dir));
    }

    @Test
    void aFileIsItself() throws IOException {
        Path file = Files.writeString(dir.resolve("other.yml"), "a: 1");
        assertEquals(file, ConfigLocator.locate(file));
    }

    @Test
    void typeScriptConfigurationIsNotSupported() throws IOException {
        Files.writeString(dir.resolve("serverless.ts"), "export default {}");
        UserError error = assertThrows(UserError.class, () -> ConfigLocator.locate(dir));
        assertTrue(error.getMessage().startsWith("TypeScript/JavaScript configuration is not supported; "),
                error.getMessage());
    }

    @Test
    void aDirectoryWithoutConfigurationIsNamed() {
        UserError error = assertThrows(UserError.class, () -> ConfigLocator.locate(dir));
        assertTrue(error.getMessage().contains("in directory " + dir), error.getMessage());
        assertThrows(UserError.class, () -> ConfigLocator.locate(dir.resolve("missing")));
    }
}

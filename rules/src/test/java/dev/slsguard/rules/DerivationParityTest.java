package dev.slsguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slsguard.engine.model.IamStatement;
import dev.slsguard.engine.rules.RuleOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivation packs against Serverless Framework v3: for parity cases 01-05, the statements
 * the rules derive (in role order) must equal those v3 appended to IamRoleLambdaExecution after
 * the core logs statements ({@code derived-statements.json}, taken from the case's template).
 */
class DerivationParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(DerivationParityTest.class.getResource("/parity").toURI());
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesWhatV3Wrote(Path dir) throws IOException {
        RuleOutcome outcome = TestPipeline.analyse(dir.resolve("serverless.yml"));
        ArrayNode derived = JSON.createArrayNode();
        for (IamStatement statement : outcome.statements()) {
            if (statement.origin().equals(IamStatement.DERIVED)) {
                derived.add(statement.document());
            }
        }
        JsonNode expected = JSON.readTree(dir.resolve("derived-statements.json").toFile());
        assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(derived));
    }
}

package com.dealbridge.contracts.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a consumer's Pact test when the pact it just wrote differs from the committed one the providers verify:
 * the consumer changed what it expects and the contract in {@code contracts/pacts} must be updated with it (run the
 * consumer test with {@code DEALBRIDGE_UPDATE_PACTS=true}, review the diff, commit). Pact's metadata (its own
 * version) is left out of the comparison.
 */
public final class CommittedPactCheck implements AfterAllCallback {

    static final String UPDATE_ENV = "DEALBRIDGE_UPDATE_PACTS";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent()) {
            return; // Pact writes no file when a consumer test failed; that failure is the one to report
        }
        String name = context.getRequiredTestClass().getAnnotation(CommittedPact.class).value();
        Path written = Path.of(System.getProperty("pact.rootDir", "target/pacts")).resolve(name);
        // surefire runs in the module directory; the committed pacts sit at the root of the build
        Path committed = Path.of("..", "contracts", "pacts").resolve(name);
        if (!Files.exists(written)) {
            throw new AssertionError("Pact wrote no " + written + ": is PactConsumerTestExt declared after "
                    + CommittedPact.class.getSimpleName() + "?");
        }
        if ("true".equals(System.getenv(UPDATE_ENV))) {
            Files.createDirectories(committed.getParent());
            Files.copy(written, committed, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        if (!Files.exists(committed) || !comparable(written).equals(comparable(committed))) {
            throw new AssertionError("the consumer's expectations in " + written + " differ from the committed "
                    + committed + " that the provider verifies: rerun this test with " + UPDATE_ENV
                    + "=true, review the diff of contracts/pacts and commit it");
        }
    }

    private static JsonNode comparable(Path pact) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(pact.toFile());
        tree.remove("metadata");
        return tree;
    }
}

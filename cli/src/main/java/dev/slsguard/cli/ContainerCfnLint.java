package dev.slsguard.cli;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * cfn-lint in a container, through Testcontainers: the configured image, or one built from
 * slsguard's Dockerfile ({@code cfn-lint.Dockerfile}: {@code pip install cfn-lint==<pinned>}). The
 * template is copied in, the container runs cfn-lint on it and exits, and its standard output is
 * the JSON report.
 */
final class ContainerCfnLint implements CfnLintRunner {

    private static final String DOCKERFILE = "/dev/slsguard/cli/cfn-lint.Dockerfile";
    /** The container's working directory, which the template is copied into. */
    private static final String WORKDIR = "/slsguard";
    /** The template's name there, as cfn-lint is given it. */
    private static final String TEMPLATE = "cloudformation-template.json";

    private final java.util.Optional<String> image;

    /** @param image the image to run; empty: build the pinned one */
    ContainerCfnLint(java.util.Optional<String> image) {
        this.image = image;
    }

    /** Whether a Docker engine answers (Testcontainers' own detection; about half a second when none runs). */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The name of the image slsguard builds: {@code slsguard/cfn-lint:<pinned version>}. */
    static String pinnedImage() {
        return "slsguard/cfn-lint:" + CfnLintRules.pinnedVersion();
    }

    /** The pinned Dockerfile's text. */
    static String dockerfile() {
        try (InputStream in = ContainerCfnLint.class.getResourceAsStream(DOCKERFILE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DOCKERFILE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "container image " + image.orElse(pinnedImage());
    }

    @Override
    public Run run(byte[] template, List<String> args, Duration timeout) throws Failure {
        if (!dockerAvailable()) {
            throw new Failure("no Docker engine answers, so cfn-lint cannot run in a container");
        }
        String name;
        try {
            name = image.orElseGet(() -> new ImageFromDockerfile(pinnedImage(), false)
                    .withFileFromString("Dockerfile", dockerfile())
                    .withBuildArg("CFN_LINT_VERSION", CfnLintRules.pinnedVersion()).get());
        } catch (RuntimeException e) {
            throw new Failure("cannot build the cfn-lint image " + pinnedImage() + ": " + oneLine(e));
        }
        try (GenericContainer<?> container = new GenericContainer<>(name)) {
            container.withCopyToContainer(Transferable.of(template), WORKDIR + "/" + TEMPLATE)
                    .withWorkingDirectory(WORKDIR)
                    .withCommand(CfnLintRunner.arguments(args, TEMPLATE).toArray(String[]::new))
                    .withStartupCheckStrategy(new UntilExited().withTimeout(timeout));
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new Failure("cfn-lint in " + describe() + " did not run to the end within "
                        + CfnLintRunner.seconds(timeout) + ": " + oneLine(e));
            }
            Long exit = container.getCurrentContainerInfo().getState().getExitCodeLong();
            return new Run(exit == null ? -1 : exit.intValue(), container.getLogs(OutputFrame.OutputType.STDOUT),
                    container.getLogs(OutputFrame.OutputType.STDERR));
        }
    }

    /** Started successfully once the container has exited, whatever its exit code (cfn-lint's is a bit mask of levels). */
    private static final class UntilExited extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient client, String containerId) {
            return Boolean.TRUE.equals(getCurrentState(client, containerId).getRunning())
                    ? StartupStatus.NOT_YET_KNOWN : StartupStatus.SUCCESSFUL;
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }
}

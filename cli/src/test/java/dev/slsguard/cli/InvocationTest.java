package dev.slsguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Error handling and display names, without the pipeline. */
class InvocationTest {

    private static String[] guard(boolean debug, Throwable thrown) {
        StringWriter err = new StringWriter();
        int code = Invocation.guarded(new PrintWriter(err), debug, () -> {
            if (thrown instanceof Exception e) {
                throw e;
            }
            throw (Error) thrown;
        });
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void userErrorIsOneLineWithItsLocation() {
        String[] r = guard(false, new UserError(new SourceRef("svc/serverless.yml", 7, 3, "/a"), "bad\nthing"));
        assertEquals("2", r[0]);
        assertEquals("slsguard: svc/serverless.yml:7:3: bad thing\n", r[1].replace("\r\n", "\n"));
    }

    @Test
    void anyOtherThrowableIsOneInternalErrorLine() {
        String[] overflow = guard(false, new StackOverflowError());
        assertEquals("2", overflow[0]);
        assertEquals("slsguard: internal error: java.lang.StackOverflowError (run with --debug for details)",
                overflow[1].strip());
        String[] oom = guard(false, new OutOfMemoryError("Java heap space"));
        assertEquals("slsguard: internal error: java.lang.OutOfMemoryError: Java heap space "
                + "(run with --debug for details)", oom[1].strip());
        String[] npe = guard(false, new NullPointerException("multi\nline"));
        assertEquals(1, npe[1].lines().count(), npe[1]);
    }

    @Test
    void debugAddsTheStackTrace() {
        String[] r = guard(true, new IllegalStateException("boom"));
        assertTrue(r[1].startsWith("slsguard: internal error: java.lang.IllegalStateException: boom\n"), r[1]);
        assertTrue(r[1].contains("\tat "), r[1]);
    }

    @Test
    void displayNameIsRelativeToTheWorkingDirectoryWithForwardSlashes() {
        Path cwd = Path.of("/srv/repo").toAbsolutePath();
        Path config = cwd.resolve("services/orders/serverless.yml");
        assertEquals("services/orders/serverless.yml",
                Invocation.displayName(cwd, config, "services/orders", cwd.resolve("services/orders")));
        Path outside = Path.of("/elsewhere/svc/serverless.yml").toAbsolutePath();
        assertEquals("/elsewhere/svc/serverless.yml", Invocation.displayName(cwd, outside, "/elsewhere/svc", outside.getParent()));
        assertEquals("/elsewhere/svc/serverless.yml",
                Invocation.displayName(cwd, outside, "/elsewhere/svc/serverless.yml", outside));
    }
}

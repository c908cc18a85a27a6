package dev.slsguard.cli;

import dev.slsguard.engine.vars.EnvironmentValues;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard output or error with every value read from the environment replaced by its reference
 * ({@code ${env:NAME}}): text is held until it is flushed (the end of a line or of a report), then
 * written redacted, so a value is caught whole.
 */
final class RedactingWriter extends Writer {

    private final Writer target;
    private final EnvironmentValues values;
    private final StringBuilder pending = new StringBuilder();

    RedactingWriter(Writer target, EnvironmentValues values) {
        this.target = target;
        this.values = values;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        pending.append(chars, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (pending.length() > 0) {
            String text = values.redact(pending.toString());
            pending.setLength(0);
            target.write(text);
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        target.close();
    }
}

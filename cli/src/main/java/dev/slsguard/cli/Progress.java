package dev.slsguard.cli;

import java.io.PrintWriter;

/**
 * A progress line for runs over several services ({@code 12/40 services/api/serverless.yml}),
 * rewritten in place on standard error when it is a terminal; nothing at all otherwise, so that
 * captured output never holds it.
 */
final class Progress {

    private final PrintWriter err;
    private final boolean shown;
    private final int total;
    private int done;
    private int width;

    Progress(Session session, int total) {
        this.err = session.err();
        this.shown = session.terminal();
        this.total = total;
    }

    /** One more service done. */
    void done(String service) {
        done++;
        if (shown) {
            String line = done + "/" + total + " " + service;
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
            err.flush();
        }
    }

    /** Removes the line before the report is printed. */
    void clear() {
        if (shown && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}

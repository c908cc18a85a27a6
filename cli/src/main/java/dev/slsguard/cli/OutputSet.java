package dev.slsguard.cli;

import dev.slsguard.engine.Timing;
import dev.slsguard.engine.io.AtomicFile;
import dev.slsguard.engine.io.DirectoryLock;
import dev.slsguard.engine.io.InputFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The files one run writes (template, SARIF, HTML; with several services, a template per service
 * below the output directory), published together: while the output directory is locked (two runs
 * into the same {@code --output} take turns), every file is first written to its temporary file,
 * then all are renamed into place. A run that finishes last leaves its whole set; a run killed
 * before its renames leaves the previous set, whole (its temporary files are removed by the next run).
 */
final class OutputSet {

    private record Entry(OutputFiles files, String name, byte[] content, boolean verbatim) {
    }

    private final OutputFiles root;
    private final List<Entry> entries = new ArrayList<>();

    /** @param root the output directory, which is locked while the set is published */
    OutputSet(OutputFiles root) {
        this.root = root;
    }

    /** A report, written with the environment's values replaced by their references. */
    OutputSet add(OutputFiles files, String name, byte[] content) {
        entries.add(new Entry(files, name, content, false));
        return this;
    }

    /** The template, written as it is. */
    OutputSet addTemplate(OutputFiles files, byte[] content) {
        entries.add(new Entry(files, Invocation.TEMPLATE_FILE, content, true));
        return this;
    }

    /** Writes every file, then puts them all in place. */
    void publish() {
        Timing.time("outputs: write and rename", this::publishNow);
    }

    private void publishNow() {
        root.createDirectory();
        try (DirectoryLock lock = DirectoryLock.acquire(root.directory())) {
            List<AtomicFile.Pending> prepared = new ArrayList<>();
            try {
                prepared.addAll(prepareAll());
                for (int i = 0; i < prepared.size(); i++) {
                    entries.get(i).files().commit(entries.get(i).name(), prepared.get(i));
                }
            } finally {
                prepared.forEach(AtomicFile.Pending::discard);
            }
        } catch (IOException e) {
            throw new CliError("cannot lock output directory " + root.directory() + ": " + InputFile.reason(e), e);
        }
    }

    /** How many files are written (and synced to disk) at the same time: waiting for the disk, not the CPU. */
    private static final int PARALLEL_WRITES = 8;

    /**
     * Every file written to its temporary file, several at a time (each is synced to disk before the
     * renames, and the disk takes those together); when one cannot be written, the others are removed
     * and the first failure, in the set's order, is thrown.
     */
    private List<AtomicFile.Pending> prepareAll() {
        List<Callable<AtomicFile.Pending>> writes = new ArrayList<>();
        for (Entry entry : entries) {
            writes.add(() -> entry.files().prepare(entry.name(), entry.content(), entry.verbatim()));
        }
        List<AtomicFile.Pending> prepared = new ArrayList<>();
        RuntimeException failure = null;
        try (ParallelTasks<AtomicFile.Pending> written = ParallelTasks.start(writes, PARALLEL_WRITES)) {
            for (int i = 0; i < writes.size(); i++) {
                try {
                    prepared.add(written.get(i));
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            prepared.forEach(AtomicFile.Pending::discard);
            throw failure;
        }
        return prepared;
    }
}

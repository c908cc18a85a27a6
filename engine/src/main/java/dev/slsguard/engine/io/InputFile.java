package dev.slsguard.engine.io;

import dev.slsguard.engine.UserError;
import dev.slsguard.engine.model.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a file the user named (a configuration, a {@code ${file()}} target, a baseline, a project
 * configuration, a rule pack) safely: only a regular file is opened (a FIFO, device, socket or
 * directory is refused by name before it is opened, so it cannot block or stream forever), its size
 * is checked against a cap before reading, and at most the cap is read even if it grows meanwhile.
 * Every refusal is a {@link UserError} naming the file, in words (no exception class names).
 */
public final class InputFile {

    private static final long MIB = 1024L * 1024;

    private InputFile() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param displayName how the user knows the file; names it in errors
     * @param maxBytes    the largest size accepted
     * @throws UserError when the file is missing, not a regular file, too large or unreadable
     */
    public static byte[] readBytes(Path file, String displayName, long maxBytes) {
        checkRegular(file, displayName, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(displayName, -1, maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw cannotRead(displayName, e);
        }
    }

    /** The text of {@code file}, which must be UTF-8; see {@link #readBytes}. */
    public static String readText(Path file, String displayName, long maxBytes) {
        byte[] body = readBytes(file, displayName, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(SourceRef.ofFile(displayName), "cannot read the file: not valid UTF-8 text", e);
        }
    }

    /**
     * Refuses {@code file} unless it is a regular file of at most {@code maxBytes} bytes
     * (symbolic links are followed).
     */
    public static void checkRegular(Path file, String displayName, long maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw cannotRead(displayName, e);
        }
        if (!attributes.isRegularFile()) {
            throw new UserError(SourceRef.ofFile(displayName), "is " + kind(file, attributes)
                    + ", not a regular file; slsguard reads only regular files");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(displayName, attributes.size(), maxBytes);
        }
    }

    /** What a file that is not a regular file is, in words. */
    static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                switch (bits & 0170000) {
                    case 0010000:
                        return "a named pipe (FIFO)";
                    case 0020000:
                        return "a character device";
                    case 0060000:
                        return "a block device";
                    case 0140000:
                        return "a socket";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view on this platform: fall through to the generic words
        }
        return "a device, pipe or socket";
    }

    /** A read failure in words, naming the file. */
    public static UserError cannotRead(String displayName, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UserError(SourceRef.ofFile(displayName), "file not found", e);
        }
        return new UserError(SourceRef.ofFile(displayName), "cannot read the file: " + reason(e), e);
    }

    /** Why an I/O operation failed, in words (no exception class names). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        String message = e.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links")) {
            return "symbolic links form a loop";
        }
        if (message != null && message.toLowerCase(Locale.ROOT).contains("is a directory")) {
            return "is a directory, not a file";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "input/output error";
    }

    private static UserError tooLarge(String displayName, long size, long maxBytes) {
        String actual = size < 0 ? "more than " + maxBytes + " bytes" : size + " bytes";
        return new UserError(SourceRef.ofFile(displayName), "file is " + actual + "; the limit is " + maxBytes
                + " bytes" + human(maxBytes));
    }

    private static String human(long bytes) {
        if (bytes % MIB == 0) {
            return " (" + bytes / MIB + " MB)";
        }
        if (bytes % 1024 == 0) {
            return " (" + bytes / 1024 + " KB)";
        }
        return "";
    }
}

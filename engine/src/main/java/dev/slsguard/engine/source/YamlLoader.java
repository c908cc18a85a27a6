package dev.slsguard.engine.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slsguard.engine.UserError;
import dev.slsguard.engine.io.InputFile;
import dev.slsguard.engine.model.SourceRef;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads serverless.yml / .yaml / .json into a located node tree, typing scalars the way
 * Serverless Framework v3 (js-yaml) does. Input that cannot be loaded is a {@link UserError}
 * located in the file, named by its display name.
 */
public final class YamlLoader {

    private YamlLoader() {
    }

    /**
     * Loads a service configuration: the document must be a mapping.
     *
     * @param displayName the name every {@link SourceRef} of the document carries
     * @throws UserError when the file is missing, too large, empty, malformed or not a mapping
     */
    public static SourceDocument load(Path file, String displayName, Limits limits) {
        String text = readText(file, displayName, limits);
        Node root = parse(text, isJson(file), displayName, limits)
                .filter(node -> !(node instanceof ScalarNode scalar && scalar.value() == null)) // "---" or "~" alone
                .orElseThrow(() -> new UserError(SourceRef.ofFile(displayName), "file is empty"));
        if (!(root instanceof MapNode)) {
            throw new UserError(root.ref(), "the top level must be a mapping of settings (service:, provider:, "
                    + "functions: ...), not " + describe(root));
        }
        return new SourceDocument(file, displayName, root, text);
    }

    /**
     * Loads any YAML or JSON document (a file read by {@code ${file(...)}}): the root may be any node,
     * and an empty file gives a null scalar.
     */
    public static SourceDocument loadFragment(Path file, String displayName, Limits limits) {
        String text = readText(file, displayName, limits);
        Node root = parse(text, isJson(file), displayName, limits)
                .orElseGet(() -> new ScalarNode(SourceRef.ofFile(displayName), null));
        return new SourceDocument(file, displayName, root, text);
    }

    /**
     * Reads a text file (for {@code ${file(notes.txt)}}) under the same size limit; only a regular
     * file is read (a FIFO or device is refused before it is opened).
     */
    public static String readText(Path file, String displayName, Limits limits) {
        return InputFile.readText(file, displayName, limits.maxFileBytes());
    }

    /** Parses the text of a file read once (so the tree and the text shown in reports always agree). */
    private static java.util.Optional<Node> parse(String text, boolean json, String displayName, Limits limits) {
        JsonFactory factory = json ? jsonFactory(limits) : yamlFactory(limits);
        try (JsonParser parser = factory.createParser(text)) {
            return new TreeBuilder(parser, displayName, limits).readDocument();
        } catch (UserError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!json && endsAtFlowQuestionMark(e)) {
                return parseMasked(text, displayName, limits, factory, e);
            }
            throw translate(e, displayName, json ? "malformed JSON: " : "malformed YAML: ");
        }
    }

    /** SnakeYAML stopped at a '?' inside [...] or {...}, which YAML 1.2 (v3's js-yaml) reads as text. */
    private static boolean endsAtFlowQuestionMark(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return String.valueOf(marked.getProblem()).endsWith("but got ?");
            }
        }
        return false;
    }

    /** Parses again with those question marks masked (same lines and columns), then restores them. */
    private static java.util.Optional<Node> parseMasked(String text, String displayName, Limits limits,
                                                       JsonFactory factory, Exception original) {
        try (JsonParser parser = factory.createParser(FlowQuestionMarks.mask(text))) {
            return new TreeBuilder(parser, displayName, limits).readDocument().map(FlowQuestionMarks::unmask);
        } catch (UserError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(original, displayName, "malformed YAML: ");
        }
    }

    /**
     * JSON files are read as JSON, as v3 reads them with {@code JSON.parse}: a YAML 1.1 parser would
     * refuse tab indentation and the {@code \/} escape, both valid JSON.
     */
    private static boolean isJson(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".tfstate");
    }

    private static int textLimit(Limits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(limits.maxFileBytes(), 1024));
    }

    private static StreamReadConstraints constraints(Limits limits) {
        int textLimit = textLimit(limits);
        return StreamReadConstraints.builder()
                .maxNestingDepth(Math.max(limits.maxDepth() + 2, StreamReadConstraints.DEFAULT_MAX_DEPTH))
                .maxStringLength(Math.max(textLimit, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                .maxNameLength(Math.max(textLimit, StreamReadConstraints.DEFAULT_MAX_NAME_LEN))
                .maxNumberLength(Math.max(textLimit, StreamReadConstraints.DEFAULT_MAX_NUM_LEN))
                .build();
    }

    private static JsonFactory yamlFactory(Limits limits) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(textLimit(limits));
        options.setNestingDepthLimit(Math.max(limits.maxDepth() + 2, 50));
        return new LocatingYamlFactory(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints(limits)));
    }

    private static JsonFactory jsonFactory(Limits limits) {
        return JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
    }

    private static UserError translate(Exception e, String displayName, String malformed) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                SourceRef where = at(displayName, marked.getProblemMark());
                if (String.valueOf(marked.getProblem()).endsWith("but got ?")) {
                    // YAML 1.1 (SnakeYAML) ends a plain scalar at '?' inside [...] and {...}; YAML 1.2 (js-yaml) does not
                    return new UserError(where, "a '?' inside [...] or {...} is not supported by slsguard's YAML "
                            + "parser; quote the value, e.g. ['cron(0 8 * * ? *)']", e);
                }
                return new UserError(where, malformed + describe(marked), e);
            }
            if (cause instanceof CharacterCodingException) {
                return new UserError(SourceRef.ofFile(displayName), "file is not valid UTF-8 text", e);
            }
        }
        if (e instanceof StreamConstraintsException limit) {
            return new UserError(at(displayName, limit.getLocation()), "document exceeds a parser limit: "
                    + firstLine(limit.getOriginalMessage()), e);
        }
        if (e instanceof JsonProcessingException parse) {
            String message = firstLine(parse.getOriginalMessage());
            if (message.startsWith("Expected a field name")) {
                message = "mapping keys must be plain text (complex keys are not supported)";
            }
            return new UserError(at(displayName, parse.getLocation()), malformed + message, e);
        }
        if (e instanceof IOException io) {
            return cannotRead(displayName, io);
        }
        return new UserError(SourceRef.ofFile(displayName), malformed + firstLine(String.valueOf(e.getMessage())), e);
    }

    private static String describe(MarkedYAMLException marked) {
        String problem = firstLine(marked.getProblem() == null ? "cannot parse" : marked.getProblem());
        if (marked.getContext() != null && marked.getContextMark() != null) {
            return problem + " (" + firstLine(marked.getContext()) + " started at line "
                    + (marked.getContextMark().getLine() + 1) + ")";
        }
        return problem;
    }

    private static UserError cannotRead(String displayName, IOException e) {
        return InputFile.cannotRead(displayName, e);
    }

    private static SourceRef at(String displayName, Mark mark) {
        return new SourceRef(displayName, mark.getLine() + 1, mark.getColumn() + 1, "");
    }

    private static SourceRef at(String displayName, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceRef.ofFile(displayName);
        }
        return new SourceRef(displayName, location.getLineNr(), Math.max(1, location.getColumnNr()), "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }

    private static String describe(Node node) {
        if (node instanceof ListNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar && scalar.value() == null) {
            return "null";
        }
        return "a " + node.kind();
    }
}

package dev.slsguard.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema documents slsguard ships, read from the class path once and kept (they are
 * immutable), with {@code $ref} resolution between them: a reference is a path relative to the
 * referring document plus a JSON pointer fragment ({@code definitions.schema.json#/definitions/awsArn}).
 */
final class SchemaDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

    /**
     * A schema node, the document (class-path resource name) it belongs to and its JSON pointer there.
     * The schema stage steps through schemas node by node for every event of a service, and only a few
     * steps ever need their pointer (an IRI to validate a branch by, a violation's text): a step keeps
     * its parent and key, and its pointer is written when asked for.
     */
    static final class Located {
        private final String document;
        private final Located parent;
        private final String token;
        private final JsonNode node;
        private String pointer;

        Located(String document, String pointer, JsonNode node) {
            this(document, null, null, node);
            this.pointer = pointer;
        }

        private Located(String document, Located parent, String token, JsonNode node) {
            this.document = document;
            this.parent = parent;
            this.token = token;
            this.node = node;
        }

        String document() {
            return document;
        }

        JsonNode node() {
            return node;
        }

        /** The JSON pointer of this node in its document ({@code ""} for the root). */
        String pointer() {
            String p = pointer;
            if (p == null) {
                p = parent.pointer() + "/" + token;
                pointer = p; // the same string whichever thread writes it first
            }
            return p;
        }

        /** The sub-schema under {@code key}, or a missing node. */
        Located get(String key) {
            String token = key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key
                    : key.replace("~", "~0").replace("/", "~1");
            return new Located(document, this, token, node.path(key));
        }

        Located get(int index) {
            return new Located(document, this, Integer.toString(index), node.path(index));
        }

        /** The IRI networknt loads this sub-schema by. */
        String iri() {
            String p = pointer();
            return "classpath:" + document + (p.isEmpty() ? "" : "#" + p);
        }

        boolean exists() {
            return !node.isMissingNode() && !node.isNull();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Located that && document.equals(that.document) && pointer().equals(that.pointer())
                    && node.equals(that.node);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(document, pointer(), node);
        }

        @Override
        public String toString() {
            return "Located[" + document + "#" + pointer() + "]";
        }
    }

    private SchemaDocuments() {
    }

    /** The root of the document at class-path resource {@code name} (no leading slash). */
    static Located root(String name) {
        return new Located(name, "", DOCUMENTS.computeIfAbsent(name, SchemaDocuments::read));
    }

    /** Follows {@code $ref}s until the node is not a reference (a reference cycle is cut after 32 steps). */
    static Located resolve(Located schema) {
        Located current = schema;
        for (int depth = 0; depth < 32 && current.node().has("$ref"); depth++) {
            current = reference(current.document(), current.node().get("$ref").asText());
        }
        return current;
    }

    /** The node a {@code $ref} written in {@code document} points at. */
    static Located reference(String document, String ref) {
        int hash = ref.indexOf('#');
        String path = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String target = path.isEmpty() ? document : sibling(document, path);
        Located root = root(target);
        JsonNode node = fragment.isEmpty() ? root.node() : root.node().at(fragment);
        return new Located(target, fragment, node == null ? MissingNode.getInstance() : node);
    }

    private static String sibling(String document, String relative) {
        int slash = document.lastIndexOf('/');
        String dir = slash < 0 ? "" : document.substring(0, slash + 1);
        String joined = dir + relative;
        // resolve "../" segments
        while (joined.contains("/../")) {
            int at = joined.indexOf("/../");
            int start = joined.lastIndexOf('/', at - 1);
            joined = joined.substring(0, start + 1) + joined.substring(at + 4);
        }
        return joined;
    }

    private static JsonNode read(String name) {
        try (InputStream in = SchemaDocuments.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable schema resource " + name, e);
        }
    }
}

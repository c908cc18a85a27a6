package dev.slsguard.engine.source;

/** JSON pointers (RFC 6901) as used in {@link dev.slsguard.engine.model.SourceRef#pointer()}. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** The pointer of member {@code token} (a key or a list index) of the node at {@code parent}. */
    public static String append(String parent, String token) {
        return parent + "/" + escape(token);
    }

    /** The pointer of item {@code index} of the list at {@code parent}. */
    public static String append(String parent, int index) {
        return parent + "/" + index;
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }
}

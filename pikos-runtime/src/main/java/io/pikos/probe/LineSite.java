package io.pikos.probe;

/**
 * One source line of a woven method, as registered by build-time code. Thread-safe.
 */
public final class LineSite {

    private final int id;
    private final MethodSite method;
    private final int line;

    LineSite(int id, MethodSite method, int line) {
        this.id = id;
        this.method = method;
        this.line = line;
    }

    /** @return the id woven code passes to {@link Probes#line(int)} */
    public int id() {
        return id;
    }

    /** @return the method the line belongs to */
    public MethodSite method() {
        return method;
    }

    /** @return the line number */
    public int line() {
        return line;
    }

    /** @return the line's source text, right-trimmed, or an empty string if the build did not capture it */
    public String text() {
        return method.source().text(line);
    }

    /**
     * Tells whether the line's source text, as the build captured it, is a closing brace and nothing
     * else ({@code }} or {@code };}, perhaps followed by a {@code //} comment). Without captured text
     * it is not.
     *
     * @return whether the line holds no statement of its own
     */
    public boolean isClosingBrace() {
        String code = text();
        int comment = code.indexOf("//");
        code = (comment < 0 ? code : code.substring(0, comment)).strip();
        return code.equals("}") || code.equals("};");
    }

    @Override
    public String toString() {
        return method + ":" + line;
    }
}

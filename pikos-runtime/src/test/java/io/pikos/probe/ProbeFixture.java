package io.pikos.probe;

/**
 * Stands in for woven code: registers a few methods, lines and calls with {@link Sites} and fires the
 * probes the weaver would insert, so that the runtime can be tested before and apart from weaving.
 */
public final class ProbeFixture {

    /** Source key under which {@link #registerSource()} registers the fixture's text. */
    public static final String SOURCE_KEY = "io/pikos/probe/ProbeFixture.java";
    /** Path under which the fixture's source is registered, as a build would see it. */
    public static final String SOURCE_PATH = "pikos-runtime/src/test/java/io/pikos/probe/ProbeFixture.java";

    public static final int OUTER = Sites.method(ProbeFixture.class, "ProbeFixture.java", "outer", "(I)V", 10);
    public static final int INNER = Sites.method(ProbeFixture.class, "ProbeFixture.java", "inner", "(I)V", 20);
    public static final int OTHER = Sites.method(ProbeFixture.class, "ProbeFixture.java", "other", "()V", 30);
    public static final int OUTER_LINE = Sites.line(OUTER, 11);
    public static final int INNER_LINE = Sites.line(INNER, 21);
    public static final int SQRT = Sites.callOut(INNER, "sqrt", 21);

    private ProbeFixture() {
    }

    /** Registers source text for the fixture's lines, as a generated metadata class would. */
    public static void registerSource() {
        Sites.registerSource(SOURCE_KEY, SOURCE_PATH, "", 20, "    int inner(int n) {\n        return (int) Math.sqrt(n);");
    }

    /** outer() calls inner(depth) which recurses to 0; each inner runs one line and one call-out. */
    public static void outer(int depth) {
        Probes.methodEnter(OUTER);
        inner(depth);
        Probes.methodReturn(OUTER, 12);
    }

    /** A recursive method: the line, the call into the JDK, then itself one level down. */
    public static void inner(int depth) {
        Probes.methodEnter(INNER);
        Probes.line(INNER_LINE);
        Probes.callOutEnter(SQRT);
        Probes.callOutReturn(SQRT);
        if (depth > 0) {
            inner(depth - 1);
        }
        Probes.methodReturn(INNER, 21);
    }

    /** A method outside any focus. */
    public static void other() {
        Probes.methodEnter(OTHER);
        Probes.methodReturn(OTHER, 31);
    }

    /** A method left by a throw, as after-throwing advice reports it. */
    public static void throwing() {
        Probes.methodEnter(OTHER);
        Probes.methodThrow(OTHER);
    }
}

package io.pikos.probe;

/**
 * A woven method or constructor, as registered by build-time code: where it is and what it is called.
 * Immutable apart from the lazily resolved file name; thread-safe.
 */
public final class MethodSite {

    private final int id;
    private final SourceRef source;
    private final String className;
    private final String name;
    private final String descriptor;
    private final int codeLine;
    private volatile int declaredLine; // 0 until found in the build's metadata

    MethodSite(int id, SourceRef source, String className, String name, String descriptor, int line) {
        this.id = id;
        this.source = source;
        this.className = className;
        this.name = name;
        this.descriptor = descriptor;
        this.codeLine = line;
    }

    /** @return the id woven code passes to {@link Probes} for this method */
    public int id() {
        return id;
    }

    /** @return the binary name of the declaring class, for example {@code io.pikos.samples.Foo$Inner} */
    public String className() {
        return className;
    }

    /** @return the simple name, {@code <init>} for constructors and {@code <clinit>} for static initializers */
    public String name() {
        return name;
    }

    /** @return the JVM descriptor, for example {@code (I)V} */
    public String descriptor() {
        return descriptor;
    }

    /**
     * Returns the line records report for the method: the line where it is declared, as the seed reports
     * the {@code def} line, if the build registered the file's declarations; otherwise the first line of
     * its code.
     *
     * @return the line, or 0 if unknown
     */
    public int line() {
        int declared = declaredLine;
        if (declared != 0) {
            return declared;
        }
        declared = source.declarationLine(name, codeLine);
        if (source.hasMetadata()) {
            declaredLine = declared;
        }
        return declared;
    }

    /** @return the source file's path as the build saw it, or the package path and file name */
    public String filename() {
        return source.filename();
    }

    SourceRef source() {
        return source;
    }

    @Override
    public String toString() {
        return className + "." + name + descriptor;
    }
}

package io.pikos.probe;

/**
 * One source file as the runtime knows it: the key the JVM gives it (package path and the class
 * file's {@code SourceFile} attribute, {@code io/pikos/samples/Foo.java}) and, once build-time
 * metadata is registered for it, its path in the project and the text of its lines.
 */
final class SourceRef {

    private final String key;
    private final ClassLoader loader;
    private volatile SourceText text; // null until the build's metadata for the file is found
    private volatile boolean metadataLoaded;
    private volatile int missingSince = -1; // the registry's version when the metadata was last missing

    SourceRef(String key, ClassLoader loader) {
        this.key = key;
        this.loader = loader;
    }

    String key() {
        return key;
    }

    String filename() {
        String path = resolve().path();
        return path == null ? key : path;
    }

    String text(int line) {
        return resolve().line(line);
    }

    /** @return the declaring line of the method named {@code name} whose code holds {@code codeLine} */
    int declarationLine(String name, int codeLine) {
        return resolve().declarationLine(name, codeLine);
    }

    /** @return whether the build's metadata for the file has been found */
    boolean hasMetadata() {
        return text != null;
    }

    private SourceText resolve() {
        SourceText resolved = text;
        if (resolved != null) {
            return resolved;
        }
        // While missing, looked up again only when something new was registered: files built
        // without the processor cost one volatile read per record, not a map lookup.
        int version = SourceRegistry.version();
        if (version == missingSince) {
            return SourceText.NONE;
        }
        resolved = SourceRegistry.lookup(key, metadataLoaded ? null : loader);
        metadataLoaded = true;
        if (resolved != SourceText.NONE) {
            text = resolved;
        } else {
            missingSince = version;
        }
        return resolved;
    }
}

package io.pikos.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source files registered by build-time metadata classes.
 *
 * <p>The annotation processor generates, beside each woven source file {@code pkg/Foo.java}, a class
 * {@code pkg.Foo_PikosSource} whose static initializer calls {@link Sites#registerSource}. The
 * runtime initializes that class the first time a monitor needs the file's path or text, by its
 * name through the woven class's loader; nothing is scanned and no record is made before.
 */
final class SourceRegistry {

    /** Suffix of the metadata class generated for a source file {@code Foo.java}: {@code Foo_PikosSource}. */
    static final String METADATA_SUFFIX = "_PikosSource";

    private static final Map<String, SourceText> REGISTERED = new ConcurrentHashMap<>();
    private static final AtomicInteger VERSION = new AtomicInteger();

    private SourceRegistry() {
    }

    static void register(String key, SourceText text) {
        REGISTERED.put(key, text);
        VERSION.incrementAndGet();
    }

    /** @return a number that changes whenever a source file is registered */
    static int version() {
        return VERSION.get();
    }

    /**
     * Finds what the build registered for a source file.
     *
     * @param key    the package path and file name
     * @param loader the loader to initialize the file's metadata class through, or {@code null} not to try
     * @return the registered text, or {@link SourceText#NONE}
     */
    static SourceText lookup(String key, ClassLoader loader) {
        SourceText text = REGISTERED.get(key);
        if (text == null && loader != null) {
            loadMetadata(key, loader);
            text = REGISTERED.get(key);
        }
        return text == null ? SourceText.NONE : text;
    }

    private static void loadMetadata(String key, ClassLoader loader) {
        int dot = key.lastIndexOf('.');
        String base = dot < 0 ? key : key.substring(0, dot);
        try {
            Class.forName(base.replace('/', '.') + METADATA_SUFFIX, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // Built without the pikos annotation processor: records use the package path instead.
        }
    }
}

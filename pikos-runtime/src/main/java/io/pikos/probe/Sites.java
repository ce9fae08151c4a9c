package io.pikos.probe;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The method and line table that build-time code registers into, and that {@link Probes} reads.
 *
 * <p>Woven code registers each method, call-out and line once (in its class's static initializer or on
 * first use) and then passes the returned id to {@link Probes} on every event. Registration is
 * idempotent: the same site registered twice, for example from two class loaders racing, gets the
 * same id. Ids are dense from 0, so looking a site up while recording is one array read.
 * Thread-safe.
 */
public final class Sites {

    private static final Object LOCK = new Object();
    private static final Map<Object, Integer> IDS = new ConcurrentHashMap<>();
    private static final Map<Object, SourceRef> SOURCES = new ConcurrentHashMap<>();
    private static final Table<MethodSite> METHODS = new Table<>();
    private static final Table<CallOutSite> CALL_OUTS = new Table<>();
    private static final Table<LineSite> LINES = new Table<>();

    private Sites() {
    }

    /**
     * Registers a woven method or constructor.
     *
     * @param owner      the declaring class
     * @param sourceFile the class's source file name as in its {@code SourceFile} attribute, for example
     *                   {@code Foo.java}; {@code null} if unknown
     * @param name       the simple name; {@code <init>} for constructors, {@code <clinit>} for static initializers
     * @param descriptor the JVM descriptor, for example {@code (I)V}
     * @param line       the first line of the method's code, as its class file gives it (0 if unknown);
     *                   records report the declaring line instead where the build registered it
     * @return the method's id, to pass to {@link Probes}
     */
    public static int method(Class<?> owner, String sourceFile, String name, String descriptor, int line) {
        return register(new MethodKey(owner, name, descriptor), METHODS,
                id -> new MethodSite(id, source(owner, sourceFile), owner.getName(), name, descriptor, line));
    }

    /**
     * Registers a call from a woven method into code that is not woven.
     *
     * @param callerId the id of the woven method that makes the call
     * @param callee   the simple name of the method called
     * @param line     the line of the call
     * @return the call's id, to pass to {@link Probes#callOutEnter(int)} and its siblings
     */
    public static int callOut(int callerId, String callee, int line) {
        return register(new CallOutKey(callerId, callee, line), CALL_OUTS,
                id -> new CallOutSite(id, METHODS.get(callerId), callee, line));
    }

    /**
     * Registers one source line of a woven method.
     *
     * @param methodId the id of the method the line belongs to
     * @param line     the line number
     * @return the line's id, to pass to {@link Probes#line(int)}
     */
    public static int line(int methodId, int line) {
        return register(new LineKey(methodId, line), LINES, id -> new LineSite(id, METHODS.get(methodId), line));
    }

    /**
     * Registers what the build captured of a source file; called by the metadata classes the pikos
     * annotation processor generates.
     *
     * @param key          the package path and file name, for example {@code io/pikos/samples/Foo.java}
     * @param path         the file's path relative to the project root, as the build saw it
     * @param declarations where the file's methods and constructors are declared: entries
     *                     {@code name,line,lastLine} separated by {@code ';'}, {@code <init>} for
     *                     constructors, {@code line} being the line of the name; may be empty
     * @param firstLine    the number of the first line in {@code textChunks}
     * @param textChunks   the file's lines from {@code firstLine}, right-trimmed and separated by
     *                     {@code '\n'}, split anywhere into chunks that fit in the constant pool
     * @throws IllegalArgumentException if {@code declarations} is malformed
     */
    public static void registerSource(String key, String path, String declarations, int firstLine,
                                      String... textChunks) {
        String text = String.join("", textChunks);
        SourceRegistry.register(key, new SourceText(path, firstLine, text.split("\n", -1), declarations));
    }

    /**
     * Returns a registered method.
     *
     * @param id the id {@link #method} returned
     * @return the method
     */
    public static MethodSite method(int id) {
        return METHODS.get(id);
    }

    /**
     * Returns a registered call-out.
     *
     * @param id the id {@link #callOut} returned
     * @return the call
     */
    public static CallOutSite callOut(int id) {
        return CALL_OUTS.get(id);
    }

    /**
     * Returns a registered line.
     *
     * @param id the id {@link #line(int, int)} returned
     * @return the line
     */
    public static LineSite line(int id) {
        return LINES.get(id);
    }

    private static SourceRef source(Class<?> owner, String sourceFile) {
        String name = owner.getName();
        int dot = name.lastIndexOf('.');
        String packagePath = dot < 0 ? "" : name.substring(0, dot + 1).replace('.', '/');
        String file = sourceFile != null ? sourceFile : topLevelSimpleName(name.substring(dot + 1)) + ".java";
        String key = packagePath + file;
        ClassLoader loader = owner.getClassLoader();
        return SOURCES.computeIfAbsent(new SourceKey(key, loader), k -> new SourceRef(key, loader));
    }

    private static String topLevelSimpleName(String simpleBinaryName) {
        int dollar = simpleBinaryName.indexOf('$');
        return dollar < 0 ? simpleBinaryName : simpleBinaryName.substring(0, dollar);
    }

    // Keys compare classes and loaders by identity: two classes of one name in two loaders are two sites.
    private record MethodKey(Class<?> owner, String name, String descriptor) {
    }

    private record CallOutKey(int callerId, String callee, int line) {
    }

    private record LineKey(int methodId, int line) {
    }

    private record SourceKey(String key, ClassLoader loader) {
    }

    private static <T> int register(Object key, Table<T> table, IntFunction<T> create) {
        Integer known = IDS.get(key);
        if (known != null) {
            return known;
        }
        synchronized (LOCK) {
            known = IDS.get(key);
            if (known == null) {
                known = table.add(create);
                IDS.put(key, known);
            }
            return known;
        }
    }

    /** A growable array of sites: written under {@link #LOCK}, read without a lock through the volatile reference. */
    private static final class Table<T> {

        private volatile Object[] items = new Object[256];
        private int size;

        int add(IntFunction<T> create) {
            int id = size++;
            Object[] target = items;
            if (id == target.length) {
                target = Arrays.copyOf(target, target.length * 2);
            }
            target[id] = create.apply(id);
            items = target; // publishes the new element to readers of items
            return id;
        }

        @SuppressWarnings("unchecked")
        T get(int id) {
            return (T) items[id];
        }
    }
}

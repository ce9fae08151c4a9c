package io.pikos.weaver;

import io.pikos.weaver.internal.monitored.MonitoredWeaving;
import io.pikos.weaver.internal.probes.CodeSizes;
import io.pikos.weaver.internal.probes.ProbeClassVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Weaves pikos into compiled classes: bytes in, bytes out. The Maven goal, {@code pikos-instrument} and
 * {@code pikos-run}'s class loader all weave through this class.
 *
 * <p>Each method gets probes that report its {@code call}, {@code return} and {@code exception}, the
 * {@code c_call}, {@code c_return} and {@code c_exception} of its calls into code that is not woven, and
 * (unless {@linkplain Builder#lines(boolean) turned off}) each source line it executes. The probes are
 * {@code invokedynamic} instructions behind guards that the JIT folds away while no monitor is enabled;
 * the class gains no field, no method and no static initializer, so reflection and the default
 * {@code serialVersionUID} see the class as it was. Only a class with {@code @Monitored} methods gains
 * members: AspectJ weaves the monitor factories around those methods. A woven class carries a marker
 * attribute and is never woven twice.
 *
 * <p>Nothing is ever half done: a class that cannot be woven (not a class file, a version this weaver
 * cannot read, a constant pool too large with probes) is {@linkplain Status#SKIPPED left as it was},
 * and a method that cannot take probes (its code would pass 64 KiB, or the 8000 bytes HotSpot compiles,
 * see {@link CodeSizes#HUGE_METHOD}) is left as it was inside an otherwise woven class; either way the
 * {@link Result} says why. Woven classes need
 * {@code pikos-runtime} at run time, and nothing else.
 *
 * <p>Thread-safe.
 */
public final class Instrumenter {

    /** What became of a class. */
    public enum Status {
        /** Probes were put in (some methods may have been left without; see {@link Result#problems()}). */
        WOVEN,
        /** Nothing to weave: pikos' own classes, modules, the processor's metadata classes, no code. */
        UNCHANGED,
        /** The class was woven before, by pikos; left as it is. */
        ALREADY_WOVEN,
        /** The class cannot be woven; left as it was ({@link Result#problems()} says why). */
        SKIPPED
    }

    /**
     * What {@link #instrument} did to one class.
     *
     * @param className the class's binary name, or {@code "(not a class file)"}
     * @param status    what became of it
     * @param classFile the class file to use: the woven one, or the original bytes
     * @param problems  one line per thing left undone: the class if {@link Status#SKIPPED}, otherwise each
     *                  method left without probes and a {@code @Monitored} class AspectJ could not weave
     */
    public record Result(String className, Status status, byte[] classFile, List<String> problems) {

        /** Copies the problems. */
        public Result {
            Objects.requireNonNull(className);
            Objects.requireNonNull(status);
            Objects.requireNonNull(classFile);
            problems = List.copyOf(problems);
        }
    }

    /**
     * What {@link #instrumentAll} did.
     *
     * @param woven   classes woven
     * @param already classes woven before, left as they were
     * @param skipped classes that could not be woven, left as they were
     * @param other   classes with nothing to weave, and files that are not classes, copied
     */
    public record Summary(int woven, int already, int skipped, int other) {
    }

    /** Options of an {@link Instrumenter}. */
    public static final class Builder {

        private boolean lines = true;
        private List<Path> classpath = List.of();

        private Builder() {
        }

        /**
         * @param lines whether to put in line probes (default {@code true}); without them line monitors
         *              record nothing from the woven classes, and the classes are smaller
         * @return this builder
         */
        public Builder lines(boolean lines) {
            this.lines = lines;
            return this;
        }

        /**
         * @param classpath the classes and libraries the woven classes use: AspectJ resolves types there
         *                  when it weaves {@code @Monitored} methods (default: none)
         * @return this builder
         */
        public Builder classpath(List<Path> classpath) {
            this.classpath = List.copyOf(classpath);
            return this;
        }

        /** @return an instrumenter with these options */
        public Instrumenter build() {
            return new Instrumenter(this);
        }
    }

    private final boolean lines;
    private final MonitoredWeaving monitored;

    private Instrumenter(Builder builder) {
        this.lines = builder.lines;
        this.monitored = new MonitoredWeaving(builder.classpath);
    }

    /** @return a builder of instrumenters, with line probes and no classpath */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether a class file was woven by pikos.
     *
     * @param classFile the class file's bytes
     * @return whether it carries pikos' marker
     * @throws IllegalArgumentException if the bytes are not a class file
     */
    public static boolean isWoven(byte[] classFile) {
        try {
            new ClassReader(classFile).accept(new ProbeClassVisitor(null, false, Set.of(), Map.of()),
                    ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return false;
        } catch (ProbeClassVisitor.AlreadyWoven e) {
            return true;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a class file: " + describe(e), e);
        }
    }

    /**
     * Weaves one class. Never throws for bad input: the result says what was done.
     *
     * @param classFile the class file's bytes
     * @return the result; its class file is {@code classFile} itself unless the class was woven
     */
    public Result instrument(byte[] classFile) {
        ClassReader reader;
        String name;
        try {
            reader = new ClassReader(classFile);
            name = reader.getClassName().replace('/', '.');
        } catch (RuntimeException e) {
            return new Result("(not a class file)", Status.SKIPPED, classFile,
                    List.of("not a class file this weaver can read: " + describe(e)));
        }
        String notWoven;
        try {
            notWoven = ProbeClassVisitor.notWoven(reader.readInt(4), reader.getAccess(), reader.getClassName());
        } catch (RuntimeException e) {
            return skipped(name, classFile, "not a valid class file: " + describe(e));
        }
        if (notWoven != null) {
            return notWoven.isEmpty() ? new Result(name, Status.UNCHANGED, classFile, List.of())
                    : skipped(name, classFile, notWoven);
        }
        List<String> problems = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        byte[] woven;
        List<String> notes = new ArrayList<>(); // the last pass's: methods left without method probes
        Map<String, Integer> originalSizes = null;
        while (true) {
            try {
                woven = probes(reader, refused, notes);
                if (woven != null) {
                    originalSizes = originalSizes != null ? originalSizes : CodeSizes.of(reader);
                    if (refuseHugeMethods(name, originalSizes, CodeSizes.of(new ClassReader(woven)), refused, problems)) {
                        continue;
                    }
                }
                break;
            } catch (ProbeClassVisitor.AlreadyWoven e) {
                return new Result(name, Status.ALREADY_WOVEN, classFile, List.of());
            } catch (MethodTooLargeException e) {
                String method = e.getMethodName() + e.getDescriptor();
                if (!refused.add(method)) {
                    return skipped(name, classFile, "too large: " + e.getMessage());
                }
                problems.add(name + "." + method + ": left without probes: too large with them (" + e.getCodeSize()
                        + " bytes of code; the JVM allows 65535)");
            } catch (ProbeClassVisitor.MethodRefused e) {
                if (!refused.add(e.method())) {
                    return skipped(name, classFile, e.getMessage());
                }
                problems.add(name + "." + e.method() + ": left without probes: " + e.getMessage());
            } catch (ClassTooLargeException e) {
                return skipped(name, classFile, "too large with probes (constant pool of " + e.getConstantPoolCount()
                        + " entries; the JVM allows 65535)");
            } catch (RuntimeException | AssertionError e) { // ASM asserts on some malformed descriptors
                return skipped(name, classFile, "not a valid class file: " + describe(e));
            }
        }
        problems.addAll(notes);
        if (woven == null) {
            return new Result(name, Status.UNCHANGED, classFile, problems);
        }
        if (MonitoredWeaving.hasMonitoredMethods(woven)) {
            try {
                woven = monitored.weave(name, woven);
            } catch (IOException | RuntimeException | LinkageError e) {
                problems.add(name + ": @Monitored methods left without their monitors: AspectJ cannot weave the "
                        + "class: " + e.getMessage());
            }
        }
        return new Result(name, Status.WOVEN, woven, problems);
    }

    /**
     * Refuses probes to each method that they would push past the size HotSpot compiles: it would be
     * interpreted at every call, monitor or not.
     *
     * @return whether a method was refused, and the class must be woven again
     */
    private static boolean refuseHugeMethods(String name, Map<String, Integer> before, Map<String, Integer> after,
                                             Set<String> refused, List<String> problems) {
        boolean again = false;
        for (Map.Entry<String, Integer> method : after.entrySet()) {
            int original = before.getOrDefault(method.getKey(), 0);
            if (method.getValue() > CodeSizes.HUGE_METHOD && original <= CodeSizes.HUGE_METHOD
                    && refused.add(method.getKey())) {
                problems.add(name + "." + method.getKey() + ": left without probes: with them its code would be "
                        + method.getValue() + " bytes (" + original + " without), past the " + CodeSizes.HUGE_METHOD
                        + " bytes HotSpot compiles, and the method would always run interpreted");
                again = true;
            }
        }
        return again;
    }

    /**
     * @return the class with probes, or null if it has no method to put them in; read back once, so that a
     *         malformed input that yields malformed output is refused here rather than by the JVM
     */
    private byte[] probes(ClassReader reader, Set<String> refused, List<String> notes) {
        notes.clear();
        ClassWriter writer = new ClassWriter(reader, 0);
        ProbeClassVisitor probes = new ProbeClassVisitor(writer, lines, refused,
                ProbeClassVisitor.declaredMethods(reader));
        reader.accept(probes, ClassReader.EXPAND_FRAMES);
        if (!probes.woven()) {
            return null;
        }
        byte[] woven = writer.toByteArray();
        new ClassReader(woven).accept(new ClassNode(), 0);
        notes.addAll(probes.notes());
        return woven;
    }

    /**
     * Weaves every class of a directory or a jar into another, or a directory in place ({@code in} and
     * {@code out} the same). Other files are copied as they are; so are classes the filter leaves out. A
     * file is written beside its destination and moved over it, so that no class file is ever half written.
     *
     * @param in         a directory of class files, or a jar
     * @param out        the directory or jar to write
     * @param classNames takes the binary names of the classes to weave; see {@link ClassNamePatterns}
     * @param problems   receives each class with a problem, as it is met
     * @return what was done
     * @throws IOException if a file cannot be read or written
     */
    public Summary instrumentAll(Path in, Path out, Predicate<String> classNames, Consumer<Result> problems)
            throws IOException {
        Counter counter = new Counter(classNames, problems);
        if (Files.isDirectory(in)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(in)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path file : files) {
                String relative = in.relativize(file).toString().replace('\\', '/');
                byte[] original = Files.readAllBytes(file);
                byte[] result = counter.weave(relative, original);
                Path target = out.resolve(relative);
                if (result != original || !file.equals(target)) {
                    writeAtomically(target, result);
                }
            }
        } else {
            Path written = Files.createTempFile(out.toAbsolutePath().getParent(), "pikos", ".jar.tmp");
            try (InputStream raw = Files.newInputStream(in); JarInputStream jar = new JarInputStream(raw)) {
                Manifest manifest = jar.getManifest();
                try (OutputStream sink = Files.newOutputStream(written);
                     JarOutputStream woven = manifest == null ? new JarOutputStream(sink)
                             : new JarOutputStream(sink, manifest)) {
                    for (JarEntry entry; (entry = jar.getNextJarEntry()) != null; ) {
                        JarEntry copy = new JarEntry(entry.getName());
                        copy.setTime(entry.getTime());
                        woven.putNextEntry(copy);
                        if (!entry.isDirectory()) {
                            woven.write(counter.weave(entry.getName(), jar.readAllBytes()));
                        }
                        woven.closeEntry();
                    }
                }
                Files.move(written, out, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(written);
            }
        }
        return counter.summary();
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path written = Files.createTempFile(target.toAbsolutePath().getParent(), "pikos", ".tmp");
        try {
            Files.write(written, bytes);
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** Weaves the files of one {@link #instrumentAll} and counts what became of them. */
    private final class Counter {

        private final Predicate<String> classNames;
        private final Consumer<Result> problems;
        private int woven;
        private int already;
        private int skipped;
        private int other;

        Counter(Predicate<String> classNames, Consumer<Result> problems) {
            this.classNames = classNames;
            this.problems = problems;
        }

        byte[] weave(String path, byte[] bytes) {
            if (!path.endsWith(".class") || path.startsWith("META-INF/")
                    || !classNames.test(path.substring(0, path.length() - ".class".length()).replace('/', '.'))) {
                other++;
                return bytes;
            }
            Result result = instrument(bytes);
            switch (result.status()) {
                case WOVEN -> woven++;
                case ALREADY_WOVEN -> already++;
                case SKIPPED -> skipped++;
                case UNCHANGED -> other++;
            }
            if (!result.problems().isEmpty()) {
                problems.accept(result);
            }
            return result.classFile();
        }

        Summary summary() {
            return new Summary(woven, already, skipped, other);
        }
    }

    private static Result skipped(String name, byte[] classFile, String reason) {
        return new Result(name, Status.SKIPPED, classFile, List.of(name + ": left as it was: " + reason));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

package io.pikos.weaver.lines;

import io.pikos.weaver.internal.lines.LineProbeClassVisitor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Puts pikos line probes into compiled classes: before the first instruction of each source line of
 * each method, a probe that records the line when a line monitor is enabled and costs nothing the JIT
 * cannot remove when none is.
 *
 * <p>Lines are reported as Python's tracer reports them: when control reaches a line from another
 * line, when a loop jumps back (the loop's header line again, at each iteration), when a method
 * starts and when an exception is caught. Works on classes from javac and from ajc, before or after
 * AspectJ weaving; keeps the class's stack map frames valid without loading any other class; and
 * refuses a class it has already instrumented.
 *
 * <p>Instrumented classes need {@code pikos-runtime} at run time and nothing else. A line is
 * registered with the runtime the first time it runs while a line monitor is enabled; the text the
 * records carry comes from the metadata class the pikos annotation processor generates for the
 * source file. Thread-safe: an instance holds no state.
 */
public final class LineInstrumenter {

    /** Creates an instrumenter. */
    public LineInstrumenter() {
    }

    /**
     * Instruments one class.
     *
     * @param classFile the class file's bytes
     * @return the instrumented class file, or {@code classFile} itself if there is nothing to instrument
     *         (no method has line numbers; pikos' own classes; class files older than Java 7)
     * @throws LineInstrumentationException.AlreadyInstrumented if the class already carries line probes
     * @throws LineInstrumentationException if the class file is malformed or a method would be too large
     *                                      with probes; nothing is returned then
     */
    public byte[] instrument(byte[] classFile) throws LineInstrumentationException {
        ClassReader reader;
        String name;
        try {
            reader = new ClassReader(classFile);
            name = reader.getClassName().replace('/', '.');
        } catch (RuntimeException e) {
            throw new LineInstrumentationException("(unnamed)", "not a valid class file: " + describe(e), e);
        }
        try {
            // A broken file can fail anywhere: reading its methods, or copying its constant pool and
            // attributes into the new class file. Whatever fails, nothing is returned.
            ClassWriter writer = new ClassWriter(reader, 0);
            LineProbeClassVisitor probes = new LineProbeClassVisitor(writer);
            reader.accept(probes, ClassReader.EXPAND_FRAMES);
            return probes.instrumented() ? writer.toByteArray() : classFile;
        } catch (LineProbeClassVisitor.AlreadyInstrumented e) {
            throw new LineInstrumentationException.AlreadyInstrumented(name);
        } catch (MethodTooLargeException e) {
            throw new LineInstrumentationException(name, name + "." + e.getMethodName() + e.getDescriptor()
                    + ": too large with line probes (" + e.getCodeSize() + " bytes of code; the JVM allows 65535)", e);
        } catch (ClassTooLargeException e) {
            throw new LineInstrumentationException(name, name + ": too large with line probes (constant pool of "
                    + e.getConstantPoolCount() + " entries; the JVM allows 65535)", e);
        } catch (RuntimeException e) {
            throw new LineInstrumentationException(name, name + ": not a valid class file: " + describe(e), e);
        }
    }

    /**
     * Tells whether a class file already carries pikos line probes.
     *
     * @param classFile the class file's bytes
     * @return whether {@link #instrument} would refuse it as already instrumented
     * @throws IllegalArgumentException if the bytes are not a class file
     */
    public static boolean isInstrumented(byte[] classFile) {
        boolean[] marked = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitAttribute(Attribute attribute) {
                marked[0] |= LineProbeClassVisitor.MARKER.equals(attribute.type);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return marked[0];
    }

    /**
     * Instruments, in place, every class file under a directory: what a build's {@code process-classes}
     * step does. Classes already instrumented (by an earlier build whose compiler left them alone) are
     * counted and left as they are.
     *
     * @param classesDirectory a directory of class files, such as {@code target/classes}
     * @return what was done
     * @throws IOException                  if a file cannot be read or written
     * @throws LineInstrumentationException if a class cannot be instrumented; the classes before it in
     *                                      the walk are instrumented, that one and the rest unchanged
     */
    public Summary instrumentDirectory(Path classesDirectory) throws IOException, LineInstrumentationException {
        return instrumentDirectory(classesDirectory, name -> true);
    }

    /**
     * Instruments, in place, the class files under a directory whose classes a filter takes.
     *
     * @param classesDirectory a directory of class files, such as {@code target/classes}
     * @param classNames       takes the binary names (with dots) of the classes to instrument; see
     *                         {@link ClassNamePatterns}
     * @return what was done; classes the filter leaves out are not counted
     * @throws IOException                  if a file cannot be read or written
     * @throws LineInstrumentationException as {@link #instrumentDirectory(Path)}
     */
    public Summary instrumentDirectory(Path classesDirectory, Predicate<String> classNames)
            throws IOException, LineInstrumentationException {
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class") && Files.isRegularFile(f))
                    .filter(f -> classNames.test(className(classesDirectory.relativize(f))))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int instrumented = 0;
        int unchanged = 0;
        int already = 0;
        for (Path classFile : classFiles) {
            byte[] original = Files.readAllBytes(classFile);
            byte[] result;
            try {
                result = instrument(original);
            } catch (LineInstrumentationException.AlreadyInstrumented e) {
                already++;
                continue;
            }
            if (result == original) {
                unchanged++;
            } else {
                // Written beside and moved over the original, so that a class file is never half written.
                Path written = Files.createTempFile(classFile.getParent(), "pikos-lines", ".tmp");
                Files.write(written, result);
                Files.move(written, classFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                instrumented++;
            }
        }
        return new Summary(instrumented, unchanged, already);
    }

    /**
     * What {@link #instrumentDirectory} did.
     *
     * @param instrumented        class files that got probes
     * @param unchanged           class files with nothing to instrument
     * @param alreadyInstrumented class files that already had probes, left as they were
     */
    public record Summary(int instrumented, int unchanged, int alreadyInstrumented) {
    }

    private static String className(Path relativeClassFile) {
        String path = relativeClassFile.toString().replace('\\', '/');
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

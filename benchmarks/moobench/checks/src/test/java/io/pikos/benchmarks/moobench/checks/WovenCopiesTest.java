package io.pikos.benchmarks.moobench.checks;

import io.pikos.weaver.Instrumenter;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each copy of the target is woven by its own tool and by no other: otherwise a case would measure the
 * wrong tool, or two at once. The pikos copy is woven by pikos' goal (probes, no aspect); the Kieker and
 * Micrometer copies by their own AspectJ aspects. An aspect is recognised as AspectJ makes it: a class
 * with a public static {@code aspectOf()}; the test lists every aspect that any class of a copy's package
 * calls into.
 */
class WovenCopiesTest {

    private static final String BASE = "io.pikos.benchmarks.moobench.";

    @Test
    void baseline_copy_is_not_woven_and_has_no_line_probes() throws Exception {
        assertEquals(Set.of(), aspectsCalledBy(io.pikos.benchmarks.moobench.baseline.MonitoredClass.class));
        assertFalse(hasAjcMembers(io.pikos.benchmarks.moobench.baseline.MonitoredClass.class));
        assertFalse(pikosWoven(io.pikos.benchmarks.moobench.baseline.MonitoredClass.class));
    }

    @Test
    void pikos_copy_is_woven_by_pikos_alone_with_line_probes_and_no_aspect() throws Exception {
        Class<?> copy = io.pikos.benchmarks.moobench.pikos.MonitoredClass.class;
        assertEquals(Set.of(), aspectsCalledBy(copy));
        assertFalse(hasAjcMembers(copy));
        assertTrue(pikosWoven(copy), "the pikos copy is not woven: the instrument goal did not run");
        assertTrue(new String(classFile(copy), StandardCharsets.ISO_8859_1).contains("bootstrapLine"),
                "the pikos copy has no line probes");
    }

    @Test
    void kieker_copy_is_woven_by_kiekers_operation_execution_probe_alone() throws Exception {
        assertEquals(Set.of("kieker.monitoring.probe.aspectj.operationExecution.OperationExecutionAspectFull"),
                aspectsCalledBy(io.pikos.benchmarks.moobench.kieker.MonitoredClass.class));
        assertFalse(pikosWoven(io.pikos.benchmarks.moobench.kieker.MonitoredClass.class));
    }

    @Test
    void micrometer_copy_is_woven_by_timed_aspect_alone() throws Exception {
        assertEquals(Set.of("io.micrometer.core.aop.TimedAspect"),
                aspectsCalledBy(io.pikos.benchmarks.moobench.micrometer.MonitoredClass.class));
        assertFalse(pikosWoven(io.pikos.benchmarks.moobench.micrometer.MonitoredClass.class));
    }

    @Test
    void the_harness_itself_is_not_woven() throws Exception {
        for (Class<?> type : new Class<?>[] {io.pikos.benchmarks.moobench.Driver.class,
                io.pikos.benchmarks.moobench.MonitoredTarget.class,
                io.pikos.benchmarks.moobench.configurations.PikosFunctionsList.class}) {
            assertEquals(Set.of(), aspectsCalledBy(type), type.getName());
            assertFalse(pikosWoven(type), type.getName());
        }
    }

    /** Every aspect that a class of the copy's package (the copy and its closures) calls a method of. */
    private static Set<String> aspectsCalledBy(Class<?> type) throws IOException, URISyntaxException {
        Set<String> owners = new TreeSet<>();
        for (byte[] bytes : classFilesOfPackage(type)) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                    boolean isInterface) {
                            owners.add(owner.replace('/', '.'));
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        Set<String> aspects = new TreeSet<>();
        for (String owner : owners) {
            if (owner.startsWith("[")) {
                continue;
            }
            try {
                if (isAspect(Class.forName(owner, false, WovenCopiesTest.class.getClassLoader()))) {
                    aspects.add(owner);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(type.getName() + " calls into " + owner + ", which is not on the classpath", e);
            }
        }
        return aspects;
    }

    private static boolean isAspect(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals("aspectOf") && method.getParameterCount() == 0
                    && Modifier.isStatic(method.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAjcMembers(Class<?> type) {
        return Stream.of(type.getDeclaredFields()).anyMatch(f -> f.getName().startsWith("ajc$"))
                || Stream.of(type.getDeclaredMethods()).anyMatch(m -> m.getName().contains("ajc$"));
    }

    private static boolean pikosWoven(Class<?> type) throws IOException {
        return Instrumenter.isWoven(classFile(type));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** The class files of the copy's package: the copy and what ajc adds beside it (closures). */
    private static Set<byte[]> classFilesOfPackage(Class<?> type) throws URISyntaxException, IOException {
        assertTrue(type.getName().startsWith(BASE), type.getName());
        URI uri = type.getResource(type.getSimpleName() + ".class").toURI();
        if (uri.getScheme().equals("jar")) { // a sibling module packaged in the reactor
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.provider().getPath(uri).getParent());
            }
        }
        return read(Path.of(uri).getParent());
    }

    private static Set<byte[]> read(Path dir) throws IOException {
        Set<byte[]> classes = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".class")) {
                    classes.add(Files.readAllBytes(file));
                }
            }
        }
        assertFalse(classes.isEmpty(), "no class files in " + dir);
        return classes;
    }
}

package io.pikos.weaver.internal.monitored;

import io.pikos.annotations.Monitored;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.IMessageHandler;
import org.aspectj.lang.JoinPoint;
import org.aspectj.weaver.tools.WeavingAdaptor;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

/**
 * Weaves the {@code @Monitored} factories (the aspect {@code io.pikos.internal.monitored.MonitoredFactories}
 * of {@code pikos-runtime}) into a class that has {@code @Monitored} methods, with AspectJ's weaver: the
 * one place pikos uses AspectJ. Classes without such methods are never handed to AspectJ.
 *
 * <p>AspectJ resolves the types a class uses on a classpath (its "world"): the program's classpath,
 * pikos' runtime, AspectJ's runtime and the JDK. Thread-safe: {@link #weave} is synchronized, as AspectJ's
 * weaver is not thread-safe.
 */
public final class MonitoredWeaving {

    private static final String MONITORED = "Lio/pikos/annotations/Monitored;";
    private static final String ASPECT = "io.pikos.internal.monitored.MonitoredFactories";
    /** The aspect and the aspect its pointcut uses: the whole aspect library AspectJ is given. */
    private static final List<String> ASPECT_CLASSES = List.of(ASPECT, "io.pikos.internal.monitored.PikosScope");

    private final URL[] world;
    private Aspects aspects; // made on first use: most builds never need it

    /** @param classpath where the program's classes and libraries are, for AspectJ to resolve types */
    public MonitoredWeaving(List<Path> classpath) {
        Set<URL> urls = new LinkedHashSet<>();
        for (Path entry : classpath) {
            urls.add(url(entry));
        }
        urls.add(locationOf(Monitored.class)); // AspectJ must resolve the annotation its pointcut names
        urls.add(locationOf(JoinPoint.class));
        urls.add(url(Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar")));
        this.world = urls.toArray(URL[]::new);
    }

    /**
     * Tells whether a class has a method or constructor annotated {@code @Monitored}.
     *
     * @param classFile the class file's bytes
     * @return whether {@link #weave} has work to do
     */
    public static boolean hasMonitoredMethods(byte[] classFile) {
        return anyMethod(classFile, ClassReader.SKIP_CODE, found -> new MethodVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                found[0] |= MONITORED.equals(annotation);
                return null;
            }
        });
    }

    /**
     * Weaves the factories around a class's {@code @Monitored} methods.
     *
     * @param className the class's binary name
     * @param classFile its class file
     * @return the woven class file
     * @throws IOException with AspectJ's messages, if it cannot weave the class, or if it wove nothing
     */
    public synchronized byte[] weave(String className, byte[] classFile) throws IOException {
        if (aspects == null) {
            URL library = aspectLibrary();
            URL[] withLibrary = Arrays.copyOf(world, world.length + 1);
            withLibrary[world.length] = library;
            aspects = new Aspects(withLibrary, new URL[] {library});
        }
        byte[] woven = aspects.weave(className, classFile);
        if (!callsTheFactories(woven)) {
            throw new IOException("AspectJ wove no @Monitored factory into the class (are the types it uses on "
                    + "the classpath?)");
        }
        return woven;
    }

    /** Whether woven code calls the aspect: what AspectJ's weaving of a {@code @Monitored} method leaves. */
    private static boolean callsTheFactories(byte[] classFile) {
        String aspect = ASPECT.replace('.', '/');
        return anyMethod(classFile, 0, found -> new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                        boolean isInterface) {
                found[0] |= owner.equals(aspect);
            }
        });
    }

    /**
     * Reads every method of a class with a visitor that sets {@code found[0]} when it finds what it looks for.
     *
     * @param parsingOptions {@link ClassReader#SKIP_CODE} where the visitor needs no instruction
     * @return whether a visitor set it
     */
    private static boolean anyMethod(byte[] classFile, int parsingOptions, Function<boolean[], MethodVisitor> visitor) {
        boolean[] found = new boolean[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return visitor.apply(found);
            }
        }, parsingOptions | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /**
     * A directory holding the aspect's class files alone, copied from {@code pikos-runtime} (deleted when
     * the JVM exits). AspectJ applies every aspect of the libraries it is given: the jar that holds the
     * aspect may hold others (a shaded jar, a stale build), which must never be woven in.
     */
    private static URL aspectLibrary() throws IOException {
        Path library = Files.createTempDirectory("pikos-aspects");
        String packagePath = ASPECT.substring(0, ASPECT.lastIndexOf('.')).replace('.', '/');
        Files.createDirectories(library.resolve(packagePath));
        // deleteOnExit deletes in the reverse order of registration: the files, then their directories.
        Path directory = library;
        directory.toFile().deleteOnExit();
        for (String name : packagePath.split("/")) {
            directory = directory.resolve(name);
            directory.toFile().deleteOnExit();
        }
        for (String aspect : ASPECT_CLASSES) {
            String resource = aspect.replace('.', '/') + ".class";
            try (InputStream in = MonitoredWeaving.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("pikos-runtime, which holds " + aspect + ", is not on the weaver's classpath");
                }
                Path file = library.resolve(resource);
                Files.copy(in, file);
                file.toFile().deleteOnExit();
            }
        }
        return url(library);
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a classpath entry: " + path, e);
        }
    }

    /**
     * AspectJ's weaving adaptor, kept quiet: lint warnings are dropped, and errors are collected and
     * reported as one message.
     */
    private static final class Aspects extends WeavingAdaptor {

        private final List<String> errors = new ArrayList<>();

        Aspects(URL[] world, URL[] aspectLibraries) {
            super((name, original, woven) -> { }, world, aspectLibraries);
            bcelWorld.getLint().setAll("ignore");
            setMessageHandler(new Collector());
        }

        byte[] weave(String name, byte[] bytes) throws IOException {
            errors.clear();
            byte[] woven = weaveClass(name, bytes);
            if (!errors.isEmpty()) {
                throw new IOException(String.join("; ", errors));
            }
            return woven == null ? bytes : woven;
        }

        private final class Collector implements IMessageHandler {
            @Override
            public boolean handleMessage(IMessage message) {
                if (message.isError() || message.isAbort()) {
                    errors.add(message.getMessage());
                }
                return true;
            }

            @Override
            public boolean isIgnoring(IMessage.Kind kind) {
                return !(kind == IMessage.ERROR || kind == IMessage.ABORT || kind == IMessage.FAIL);
            }

            @Override
            public void dontIgnore(IMessage.Kind kind) {
            }

            @Override
            public void ignore(IMessage.Kind kind) {
            }
        }
    }
}

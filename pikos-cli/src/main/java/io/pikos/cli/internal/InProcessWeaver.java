package io.pikos.cli.internal;

import io.pikos.probe.Probes;
import io.pikos.weaver.hooks.MethodHooks;
import io.pikos.weaver.lines.LineInstrumentationException;
import io.pikos.weaver.lines.LineInstrumenter;
import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.IMessageHandler;
import org.aspectj.lang.JoinPoint;
import org.aspectj.weaver.tools.WeavingAdaptor;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Weaves one class as it loads: the pikos AspectJ method hooks, then the line probes, exactly what a
 * build does with ajc and the line pass. A class woven at build time is recognised by what each step
 * leaves in it and is not woven again. A class that cannot be woven is loaded as it is, with one line
 * on standard error: the program runs, that class unmonitored.
 */
public final class InProcessWeaver {

    private static final String ASPECTJ_WOVEN = "org.aspectj.weaver.WeaverState";

    private final Aspects aspects;
    private final LineInstrumenter lines = new LineInstrumenter();
    private final PrintStream err;

    /**
     * @param classpath where the program's classes come from: AspectJ resolves the types the woven
     *                  classes use there
     * @param err       where a class that cannot be woven is reported
     */
    public InProcessWeaver(List<URL> classpath, PrintStream err) {
        this.err = err;
        Set<URL> world = new LinkedHashSet<>(classpath);
        world.add(locationOf(Probes.class));
        world.add(locationOf(JoinPoint.class));
        world.add(locationOf(MethodHooks.class));
        world.add(jrtFileSystem());
        this.aspects = new Aspects(world.toArray(URL[]::new), new URL[] {locationOf(MethodHooks.class)});
    }

    /**
     * Weaves a class.
     *
     * @param name  the class's binary name
     * @param bytes its class file
     * @return the woven class file, or {@code bytes} if there was nothing to weave or weaving failed
     */
    public byte[] weave(String name, byte[] bytes) {
        byte[] result = bytes;
        Set<String> attributes = classAttributes(bytes);
        try {
            if (!attributes.contains(ASPECTJ_WOVEN)) {
                byte[] woven = aspects.weave(name, result);
                if (woven != null) {
                    result = woven;
                }
            }
            if (!LineInstrumenter.isInstrumented(result)) {
                result = lines.instrument(result);
            }
            return result;
        } catch (IOException | LineInstrumentationException | RuntimeException e) {
            err.println("pikos-run: cannot weave " + name + ", it runs unmonitored: " + e.getMessage());
            return bytes;
        }
    }

    private static Set<String> classAttributes(byte[] bytes) {
        Set<String> names = new LinkedHashSet<>();
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitAttribute(Attribute attribute) {
                    names.add(attribute.type);
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // A malformed class: weaving reports it.
        }
        return names;
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** The JDK's classes, for AspectJ to resolve {@code java.*} types from. */
    private static URL jrtFileSystem() {
        try {
            return Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar").toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * AspectJ's weaving adaptor, kept quiet: the program's standard error is its own, so lint
     * warnings (an advice that matched nothing in a class) are dropped, and errors are collected and
     * reported as one line.
     */
    private static final class Aspects extends WeavingAdaptor {

        private final List<String> errors = new ArrayList<>();

        Aspects(URL[] world, URL[] aspectLibraries) {
            super((name, original, woven) -> { }, world, aspectLibraries);
            bcelWorld.getLint().setAll("ignore");
            setMessageHandler(new Collector());
        }

        synchronized byte[] weave(String name, byte[] bytes) throws IOException {
            errors.clear();
            byte[] woven = weaveClass(name, bytes);
            if (!errors.isEmpty()) {
                throw new IOException(String.join("; ", errors));
            }
            return woven;
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

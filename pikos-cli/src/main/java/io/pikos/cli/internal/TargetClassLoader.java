package io.pikos.cli.internal;

import io.pikos.weaver.internal.PikosPackages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Loads the program's classes from its classpath and weaves those pikos should monitor as they load:
 * the in-process counterpart of a woven build, with no agent.
 *
 * <p>The program sees the JDK, pikos' runtime and AspectJ's runtime (what woven code calls), and its
 * own classpath; nothing else of pikos-run, so the tools that weave it (pikos' weaver, ASM, AspectJ's
 * weaver, picocli) never mix with the program's own libraries, whatever their versions.
 */
public final class TargetClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String METADATA_SUFFIX = "_PikosSource";

    private final Predicate<URL> ownClass;
    private final Predicate<String> weaveByName;
    private final InProcessWeaver weaver;
    /** The class files woven here, by resource path: what a woven build's jar would hold. */
    private final Map<String, byte[]> wovenClassFiles = new ConcurrentHashMap<>();

    /**
     * @param classpath   the program's classpath
     * @param weaveByName which classes to weave by name, or {@code null} to weave the classes that come
     *                    from {@code own} locations
     * @param own         tells whether a class file's location is one of the program's own
     * @param weaver      weaves a class
     */
    public TargetClassLoader(URL[] classpath, Predicate<String> weaveByName, Predicate<URL> own,
                             InProcessWeaver weaver) {
        // Unnamed, as the application class loader is: a named loader shows in every stack trace.
        super(classpath, new RuntimeOnly(TargetClassLoader.class.getClassLoader()));
        this.weaveByName = weaveByName;
        this.ownClass = own;
        this.weaver = weaver;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL location = findResource(path);
        if (location == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try (InputStream in = location.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        URL codeBase = codeBase(location, path);
        if (shouldWeave(name, codeBase)) {
            byte[] woven = weaver.weave(name, bytes);
            if (woven != bytes) {
                wovenClassFiles.put(path, woven);
                bytes = woven;
            }
        }
        definePackageOf(name);
        CodeSource source = new CodeSource(codeBase, (Certificate[]) null);
        return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
    }

    /**
     * Serves a class woven here as a woven build would: its woven class file. The runtime reads it to
     * tell woven classes from others (a call into woven code is no call-out).
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] woven = wovenClassFiles.get(name);
        return woven != null ? new ByteArrayInputStream(woven) : super.getResourceAsStream(name);
    }

    private boolean shouldWeave(String name, URL codeBase) {
        int dot = name.lastIndexOf('.');
        if (dot > 0 && PikosPackages.contains(name.substring(0, dot)) || name.endsWith(METADATA_SUFFIX)) {
            return false; // pikos itself, and the source metadata the annotation processor generates
        }
        return weaveByName != null ? weaveByName.test(name) : ownClass.test(codeBase);
    }

    private void definePackageOf(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String packageName = name.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException e) {
                    // Defined by another thread meanwhile.
                }
            }
        }
    }

    /** The jar or directory a class file came from. */
    static URL codeBase(URL classFile, String path) {
        String text = classFile.toString();
        try {
            if (text.startsWith("jar:")) {
                return new URL(text.substring(4, text.indexOf("!/")));
            }
            return new URL(text.substring(0, text.length() - path.length()));
        } catch (IOException e) {
            return classFile;
        }
    }

    /**
     * The program's parent loader: the JDK, and from pikos-run's own loader only pikos' runtime
     * packages and AspectJ's runtime ({@code org.aspectj.lang}, {@code org.aspectj.runtime}).
     */
    private static final class RuntimeOnly extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader pikos;

        RuntimeOnly(ClassLoader pikos) {
            super(ClassLoader.getPlatformClassLoader());
            this.pikos = pikos;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (isRuntime(name)) {
                return pikos.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        private static boolean isRuntime(String name) {
            int dot = name.lastIndexOf('.');
            String packageName = dot < 0 ? "" : name.substring(0, dot);
            return PikosPackages.contains(packageName) && !packageName.startsWith("io.pikos.weaver")
                    || packageName.startsWith("org.aspectj.lang") || packageName.startsWith("org.aspectj.runtime")
                    || packageName.startsWith("org.aspectj.internal.lang");
        }
    }
}

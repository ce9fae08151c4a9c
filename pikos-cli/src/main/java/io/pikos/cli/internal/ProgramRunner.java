package io.pikos.cli.internal;

import io.pikos.monitors.Monitor;
import io.pikos.recorders.RecorderException;

import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a program's {@code main} under a monitor the way the {@code java} launcher runs it: its
 * arguments, its standard streams and its exit status are its own; an uncaught exception is printed
 * as the JVM prints it and gives status 1; the program's other threads are waited for. Records are
 * flushed on every way out: at the end, and from a shutdown hook when the program calls
 * {@code System.exit} or the JVM is terminated.
 */
public final class ProgramRunner {

    private final ClassLoader loader;
    private final Class<?> mainClass;
    private final Method main;

    /**
     * Loads the main class, without initializing it.
     *
     * @param loader    the program's class loader
     * @param className the main class's binary name
     * @throws UsageException if there is no such class or it has no {@code public static void main(String[])}
     */
    public ProgramRunner(ClassLoader loader, String className) throws UsageException {
        this.loader = loader;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new UsageException("main class " + className + " not found on the classpath");
        } catch (LinkageError e) {
            throw new UsageException("cannot load main class " + className + ": " + describe(e));
        }
        Method found;
        try {
            found = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            found = null;
        }
        if (found == null || !Modifier.isStatic(found.getModifiers()) || found.getReturnType() != void.class) {
            throw new UsageException(className + " has no public static void main(String[])");
        }
        found.setAccessible(true); // a public method of a class that need not be public
        main = found;
    }

    /**
     * Finds the focus methods {@code --focused-on} names: {@code name} in the main class,
     * {@code Class.name} (a class of the main class's package, or nested in it) or {@code pkg.Class.name};
     * every overload, and constructors for {@code <init>}.
     *
     * @param names comma-separated names
     * @return the methods and constructors found
     * @throws UsageException if a name finds nothing
     */
    public Executable[] focus(String names) throws UsageException {
        List<Executable> found = new ArrayList<>();
        for (String name : names.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                throw new UsageException("--focused-on has an empty method name");
            }
            int dot = trimmed.lastIndexOf('.');
            String method = trimmed.substring(dot + 1);
            Class<?> owner = dot < 0 ? mainClass : classNamed(trimmed.substring(0, dot));
            List<Executable> matches = new ArrayList<>();
            if (method.equals("<init>")) {
                matches.addAll(Arrays.asList(owner.getDeclaredConstructors()));
            } else {
                Arrays.stream(owner.getDeclaredMethods()).filter(m -> m.getName().equals(method)).forEach(matches::add);
            }
            if (matches.isEmpty()) {
                throw new UsageException("--focused-on: no method '" + method + "' in " + owner.getName());
            }
            found.addAll(matches);
        }
        return found.toArray(Executable[]::new);
    }

    private Class<?> classNamed(String name) throws UsageException {
        String packagePrefix = mainClass.getPackageName().isEmpty() ? "" : mainClass.getPackageName() + ".";
        List<String> candidates = List.of(name, packagePrefix + name, mainClass.getName() + "$" + name.replace('.', '$'),
                packagePrefix + name.replace('.', '$'));
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next reading of the name
            }
        }
        throw new UsageException("--focused-on: no class '" + name + "' (looked for " + String.join(", ", candidates) + ")");
    }

    /**
     * Enables the monitor and runs {@code main}; returns when the program and every thread it started
     * have ended, with the monitor disabled and its recorder finished.
     *
     * @param monitor   the monitor, not yet enabled
     * @param arguments the program's arguments
     * @return 0 if {@code main} returned, 1 if it threw
     * @throws UsageException if the monitor cannot start recording (an output that cannot be written)
     */
    public int run(Monitor monitor, String[] arguments) throws UsageException {
        try {
            monitor.enable();
        } catch (RecorderException e) {
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            throw new UsageException("cannot start " + monitor + ": " + describe(e));
        }
        Thread flush = new Thread(() -> disable(monitor), "pikos-run flush");
        Runtime.getRuntime().addShutdownHook(flush);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        int status = 0;
        try {
            main.invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            reportUncaught(current, e.getCause());
            status = 1;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e); // main was made accessible
        } finally {
            current.setContextClassLoader(previous);
        }
        awaitThreadsStartedSince(before);
        Runtime.getRuntime().removeShutdownHook(flush);
        disable(monitor);
        return status;
    }

    /** Prints an exception that left {@code main} as the JVM does, without pikos-run's frames under main. */
    private void reportUncaught(Thread thread, Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].getClassName().equals(mainClass.getName()) && frames[i].getMethodName().equals("main")) {
                thrown.setStackTrace(Arrays.copyOf(frames, i + 1));
                break;
            }
        }
        Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
        handler.uncaughtException(thread, thrown);
    }

    /** As the JVM waits for non-daemon threads before it exits, waits for those the program started. */
    private static void awaitThreadsStartedSince(Set<Thread> before) {
        Function<Set<Thread>, List<Thread>> running = now -> now.stream()
                .filter(t -> !before.contains(t) && !t.isDaemon() && t.isAlive() && t != Thread.currentThread())
                .toList();
        for (List<Thread> threads = running.apply(Thread.getAllStackTraces().keySet()); !threads.isEmpty();
             threads = running.apply(Thread.getAllStackTraces().keySet())) {
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Disables the monitor once: at the end of the program, or from the shutdown hook, whichever comes first. */
    private static void disable(Monitor monitor) {
        try {
            monitor.disable();
        } catch (IllegalStateException alreadyDisabled) {
            // the other way out got there first
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

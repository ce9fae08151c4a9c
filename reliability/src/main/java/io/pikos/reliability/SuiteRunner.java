package io.pikos.reliability;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs JUnit Platform tests (a library's own test suite) and prints their outcomes as data: one line
 * per test and container, {@code uniqueId<TAB>SUCCESSFUL|FAILED|ABORTED|SKIPPED}, sorted by unique
 * id, and nothing else on standard output. No timings, messages or stack traces, so that two runs
 * of the same tests, one unwoven and one woven under a pikos monitor, can be compared line by line.
 *
 * <pre>
 * SuiteRunner [--class CLASS]... [--package PACKAGE]... [--include REGEX]... [--exclude CLASS[#METHOD]]...
 * </pre>
 *
 * <ul>
 *   <li>{@code --class}: a test class, by its binary name;</li>
 *   <li>{@code --package}: every test class in a package and its subpackages whose fully qualified
 *       name matches one of the {@code --include} patterns (a regular expression over the whole name;
 *       default: JUnit's, {@code ^(Test.*|.+[.$]Test.*|.*Tests?)$});</li>
 *   <li>{@code --exclude}: leaves out a class (with its nested classes) or one method of it (every
 *       overload and every invocation of a parameterized method).</li>
 * </ul>
 *
 * <p>The tests run with {@code System.out} sent to standard error, so that what they print never
 * mixes with the outcomes; the outcomes are printed when every test has ended. The exit status is 0
 * whatever the outcomes (they are the data), 2 for a command line that cannot be used. The JVM is
 * ended with {@link System#exit}, so that a thread a test leaves running cannot keep it alive.
 */
public final class SuiteRunner {

    /** The outcome of one test or container. */
    public enum Outcome {
        SUCCESSFUL, FAILED, ABORTED, SKIPPED
    }

    private final List<String> classes = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final Set<String> excludes = new TreeSet<>();

    private SuiteRunner() {
    }

    /**
     * Runs the tests the command line selects and prints their outcomes.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int status;
        try {
            SortedMap<String, Outcome> outcomes = parse(args).run();
            outcomes.forEach((id, outcome) -> out.append(id).append('\t').append(outcome.name()).append('\n'));
            out.flush();
            status = 0;
        } catch (IllegalArgumentException e) {
            System.err.println("SuiteRunner: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /**
     * Reads a command line.
     *
     * @param args the command line, as {@link #main}'s
     * @return the runner it describes
     * @throws IllegalArgumentException for an unknown option, a missing value, or no selection
     */
    public static SuiteRunner parse(String... args) {
        SuiteRunner runner = new SuiteRunner();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + ": a value is missing");
            }
            String value = args[++i];
            switch (option) {
                case "--class" -> runner.classes.add(value);
                case "--package" -> runner.packages.add(value);
                case "--include" -> runner.includes.add(value);
                case "--exclude" -> runner.excludes.add(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (runner.classes.isEmpty() && runner.packages.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: give --class or --package");
        }
        return runner;
    }

    /**
     * Runs the selected tests in this JVM.
     *
     * @return the outcome of every test and container that finished or was skipped, by unique id
     */
    public SortedMap<String, Outcome> run() {
        List<DiscoverySelector> selectors = new ArrayList<>();
        classes.forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
        packages.forEach(name -> selectors.add(DiscoverySelectors.selectPackage(name)));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selectors);
        if (!includes.isEmpty()) {
            request.filters(ClassNameFilter.includeClassNamePatterns(includes.toArray(String[]::new)));
        }
        if (!excludes.isEmpty()) {
            request.filters(exclusions());
        }
        Outcomes listener = new Outcomes();
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            Launcher launcher = LauncherFactory.create();
            LauncherDiscoveryRequest built = request.build();
            launcher.execute(built, listener);
        } finally {
            System.setOut(stdout);
        }
        return listener.outcomes();
    }

    /** Leaves out the tests of excluded classes and methods (JUnit then prunes containers left empty). */
    private PostDiscoveryFilter exclusions() {
        return descriptor -> {
            String excludedBy = excludedBy(descriptor);
            return excludedBy == null ? FilterResult.included("not excluded")
                    : FilterResult.excluded("excluded by --exclude " + excludedBy);
        };
    }

    private String excludedBy(TestDescriptor descriptor) {
        TestSource source = descriptor.getSource().orElse(null);
        String className;
        String methodName = null;
        if (source instanceof MethodSource method) {
            className = method.getClassName();
            methodName = method.getMethodName();
        } else if (source instanceof ClassSource type) {
            className = type.getClassName();
        } else {
            return null;
        }
        for (String exclude : excludes) {
            int hash = exclude.indexOf('#');
            String excludedClass = hash < 0 ? exclude : exclude.substring(0, hash);
            boolean classMatches = className.equals(excludedClass) || className.startsWith(excludedClass + "$");
            if (classMatches && (hash < 0 || exclude.substring(hash + 1).equals(methodName))) {
                return exclude;
            }
        }
        return null;
    }

    /** Collects outcomes; JUnit may call it from several threads when a suite runs in parallel. */
    private static final class Outcomes implements TestExecutionListener {

        private final Map<String, Outcome> outcomes = Collections.synchronizedMap(new TreeMap<>());

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            outcomes.put(identifier.getUniqueId(), Outcome.SKIPPED);
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            outcomes.put(identifier.getUniqueId(), switch (result.getStatus()) {
                case SUCCESSFUL -> Outcome.SUCCESSFUL;
                case FAILED -> Outcome.FAILED;
                case ABORTED -> Outcome.ABORTED;
            });
        }

        SortedMap<String, Outcome> outcomes() {
            synchronized (outcomes) {
                return new TreeMap<>(outcomes);
            }
        }
    }
}

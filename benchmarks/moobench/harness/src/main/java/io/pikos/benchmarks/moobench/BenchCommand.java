package io.pikos.benchmarks.moobench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher behind {@code bin/pikos-bench}: runs every case of the harness, each in a fresh JVM,
 * prints the table on standard output and writes it, with the machine, to {@code benchmarks/results}.
 *
 * <p>{@code java -Dpikos.bench.root=REPO -cp harness/target/classes io.pikos.benchmarks.moobench.BenchCommand
 * [options]}; the modules must have been built (which {@code bin/pikos-bench} does first).
 */
public final class BenchCommand {

    /** Calls per JVM in the full mode, as MooBench's default {@code TOTAL_NUM_OF_CALLS}. */
    static final int FULL_CALLS = 2_000_000;
    /** JVM runs per case in the full mode. */
    static final int FULL_RUNS = 5;
    /** Calls per JVM with {@code --quick}. */
    static final int QUICK_CALLS = 1_000_000;

    /**
     * The JVM options of every case: MooBench's {@code JAVA_ARGS}, then the words of the environment
     * variable {@code PIKOS_BENCH_CASE_OPTS} (for experiments: {@code -XX:+PrintInlining}, a JFR recording).
     */
    static final List<String> CASE_JVM_OPTIONS = caseJvmOptions(System.getenv("PIKOS_BENCH_CASE_OPTS"));

    static final String USAGE = """
            usage: pikos-bench [--quick] [--runs N] [--calls N] [--method-time NS] [--depth N]
                               [--cases NAME,...] [--no-build] [-h | --help]

            Runs the MooBench-style harness: every case in a fresh JVM, the monitored method recursing
            DEPTH deep and busy-waiting METHOD_TIME ns in its innermost call; each outer call is timed with
            System.nanoTime, the first half of the calls of each JVM is dropped as warm-up. Prints one
            markdown row per case (mean ns per monitored call = per outer call / depth, its ratio to
            baseline and to kieker-no-writer, the 95 %% confidence interval of the mean) and writes the
            table, with the machine, to benchmarks/results/<timestamp>.md.

              --quick            %,d calls in one JVM per case (a few minutes in all)
              --runs N           JVM runs per case (default %d; 1 with --quick)
              --calls N          calls per JVM, warm-up included (default %,d)
              --method-time NS   busy wait in the innermost call (default 0, as MooBench)
              --depth N          recursion depth (default 10, as MooBench)
              --batch N          calls between two fresh ListRecorders in the *-list cases (default %,d)
              --cases A,B        run only these cases (the ratios need baseline and kieker-no-writer)
              --no-build         bin/pikos-bench only: use the classes already built
              -h, --help         print this help

            PIKOS_BENCH_CASE_OPTS, if set, adds JVM options to every case's JVM (written to the results file).

            Cases: %s
            """.formatted(QUICK_CALLS, FULL_RUNS, FULL_CALLS, Driver.DEFAULT_BATCH,
            String.join(", ", Arrays.stream(Case.values()).map(Case::caseName).toList()));

    /** Runs one case once. */
    @FunctionalInterface
    interface CaseRunner {
        /**
         * @param benchCase the case
         * @param options   the options
         * @return what the case's JVM reported
         * @throws IOException if the JVM cannot be run or reports no result
         */
        CaseResult run(Case benchCase, Options options) throws IOException;

        /** @return which pikos-runtime jar the pikos cases ran on, as the results file says it */
        default String pikosRuntime() {
            return "unknown";
        }
    }

    /**
     * The parsed options.
     *
     * @param quick      whether {@code --quick} was given
     * @param runs       JVM runs per case
     * @param calls      calls per JVM
     * @param methodTime ns of busy wait
     * @param depth      recursion depth
     * @param batch      calls between two fresh recorders in the list cases
     * @param cases      the cases to run, in table order
     */
    record Options(boolean quick, int runs, int calls, long methodTime, int depth, int batch, List<Case> cases) {
    }

    /** A mistake in the options: one line, status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Path root;
    private final CaseRunner runner;
    private final String command;

    BenchCommand(Path root, CaseRunner runner, String command) {
        this.root = root;
        this.runner = runner;
        this.command = command;
    }

    /**
     * Runs the launcher.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("pikos.bench.root", ".")).toAbsolutePath().normalize();
        String command = System.getProperty("pikos.bench.command", "pikos-bench " + String.join(" ", args));
        JvmRunner runner = new JvmRunner(root);
        int status;
        try {
            status = new BenchCommand(root, runner, command).execute(args, System.out, System.err);
        } finally {
            runner.close();
        }
        System.exit(status);
    }

    /**
     * Parses the options, runs the cases, prints and writes the table.
     *
     * @param args the options
     * @param out  where the table goes
     * @param err  where progress and mistakes go
     * @return 0 when every case ran, 1 when one failed, 2 for a mistake in the options
     */
    int execute(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("pikos-bench: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = Machine.loadAverage();
        long startNanos = System.nanoTime();
        Map<Case, List<CaseResult>> results = new LinkedHashMap<>();
        options.cases().forEach(c -> results.put(c, new ArrayList<>()));
        for (int run = 1; run <= options.runs(); run++) {
            for (Case c : options.cases()) {
                err.printf(Locale.ROOT, "pikos-bench: run %d/%d, %-27s", run, options.runs(), c.caseName());
                err.flush();
                CaseResult result;
                try {
                    result = runner.run(c, options);
                } catch (IOException | UncheckedIOException e) {
                    err.println();
                    err.println("pikos-bench: " + c.caseName() + " failed: " + e.getMessage());
                    return 1;
                }
                results.get(c).add(result);
                err.printf(Locale.ROOT, " %10s ns per monitored call (%.1f s)%n",
                        ResultTable.ns(result.perMonitoredCall().mean()), result.wallMillis() / 1000.0);
            }
        }
        List<CaseSummary> summaries = results.entrySet().stream()
                .map(e -> new CaseSummary(e.getKey(), List.copyOf(e.getValue()))).toList();
        String table = ResultTable.main(summaries);
        out.print(table);
        out.flush();
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        try {
            Path file = writeResults(options, summaries, table, started, loadBefore, minutes);
            err.println("pikos-bench: wrote " + root.relativize(file));
        } catch (IOException e) {
            err.println("pikos-bench: cannot write the results file: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Parses the options.
     *
     * @return the options, or {@code null} if help was asked for
     */
    static Options parse(String[] args) throws UsageException {
        boolean quick = false;
        Integer runs = null;
        Integer calls = null;
        long methodTime = 0;
        int depth = 10;
        int batch = Driver.DEFAULT_BATCH;
        List<Case> cases = List.of(Case.values());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--quick" -> quick = noValue(arg, value, true);
                case "--no-build" -> noValue(arg, value, true);
                case "--runs" -> runs = (int) number(arg, value != null ? value : next(args, ++i, arg), 1, 1000);
                case "--calls" -> calls = (int) number(arg, value != null ? value : next(args, ++i, arg), 4,
                        Integer.MAX_VALUE - 8);
                case "--method-time" -> methodTime = number(arg, value != null ? value : next(args, ++i, arg), 0,
                        10_000_000_000L);
                case "--depth" -> depth = (int) number(arg, value != null ? value : next(args, ++i, arg), 1, 1000);
                case "--batch" -> batch = (int) number(arg, value != null ? value : next(args, ++i, arg), 1,
                        Integer.MAX_VALUE);
                case "--cases" -> cases = cases(value != null ? value : next(args, ++i, arg));
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        return new Options(quick, runs != null ? runs : quick ? 1 : FULL_RUNS,
                calls != null ? calls : quick ? QUICK_CALLS : FULL_CALLS, methodTime, depth, batch, cases);
    }

    private static boolean noValue(String option, String value, boolean result) throws UsageException {
        if (value != null) {
            throw new UsageException(option + " takes no value");
        }
        return result;
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String option, String value, long min, long max) throws UsageException {
        long n;
        try {
            n = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    private static List<Case> cases(String value) throws UsageException {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new UsageException("--cases needs at least one case name");
        }
        for (String name : names) {
            if (Case.named(name).isEmpty()) {
                throw new UsageException("unknown case '" + name + "'");
            }
        }
        return Arrays.stream(Case.values()).filter(c -> names.contains(c.caseName())).toList();
    }

    private Path writeResults(Options options, List<CaseSummary> summaries, String table, String started,
                              String loadBefore, double minutes) throws IOException {
        Path dir = root.resolve("benchmarks/results");
        Files.createDirectories(dir);
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Path file = dir.resolve(stamp + (options.quick() ? "-quick" : "") + ".md");
        Path java = JvmRunner.java();
        String text = """
                # pikos-bench, %s

                Command: `%s`

                | | |
                | --- | --- |
                | date | %s |
                | nproc | %d |
                | CPU | %s |
                | memory | %s |
                | clock source | %s |
                | load average before / after | %s / %s |
                | calls per JVM (first half dropped) | %,d |
                | JVM runs per case | %d |
                | recursion depth | %d |
                | method time | %d ns |
                | calls per ListRecorder (list cases) | %,d |
                | case JVM options | `%s` |
                | run time | %.1f min |
                | tree | %s |
                | pikos runtime measured | %s |

                `java -version`:

                ```
                %s
                ```

                %s
                Details (per run, in run order; the per-record cost is (mean − baseline mean) × depth / records
                per outer call):

                %s""".formatted(options.quick() ? "quick" : "full", command, started, Machine.processors(),
                Machine.cpu(), Machine.memory(), Machine.clockSource(), loadBefore, Machine.loadAverage(),
                options.calls(), options.runs(), options.depth(), options.methodTime(), options.batch(),
                String.join(" ", CASE_JVM_OPTIONS), minutes, tree(), runner.pikosRuntime(), Machine.javaVersion(java), table,
                ResultTable.details(summaries));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static List<String> caseJvmOptions(String extra) {
        List<String> options = new ArrayList<>(List.of("-Xms1g", "-Xmx2g"));
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(options);
    }

    /** @return the commit checked out, and whether the tree differs from it */
    private String tree() {
        String head = run("git", "-C", root.toString(), "rev-parse", "--short", "HEAD");
        String status = run("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no");
        if (head.isEmpty()) {
            return "not a git work tree";
        }
        long changed = status.lines().filter(l -> !l.isBlank()).count();
        return head + (changed == 0 ? "" : " with " + changed + " changed files");
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * Runs each case in a fresh JVM, on a private copy of its module's classpath taken the first time the
     * module is needed, so that a rebuild of the tree during a long run cannot change what later runs load.
     */
    static final class JvmRunner implements CaseRunner, AutoCloseable {

        private final Path root;
        private final Map<String, String> classpaths = new LinkedHashMap<>();
        private String pikosRuntime = "not used";
        private Path work;

        JvmRunner(Path root) {
            this.root = root;
        }

        static Path java() {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }

        @Override
        public CaseResult run(Case benchCase, Options options) throws IOException {
            if (work == null) {
                work = Files.createTempDirectory("pikos-bench-");
            }
            String classpath = classpath(benchCase.module());
            Path storage = null;
            List<String> command = new ArrayList<>();
            command.add(java().toString());
            command.addAll(CASE_JVM_OPTIONS);
            if (benchCase.needsStorage()) {
                storage = Files.createTempDirectory(work, "storage-");
            }
            for (String property : benchCase.systemProperties()) {
                command.add("-D" + (storage == null ? property : property.replace(Case.STORAGE, storage.toString())));
            }
            command.addAll(List.of("-cp", classpath, Driver.class.getName(),
                    "--case", benchCase.caseName(), "--calls", Integer.toString(options.calls()),
                    "--method-time", Long.toString(options.methodTime()), "--depth", Integer.toString(options.depth()),
                    "--batch", Integer.toString(options.batch())));
            Path log = work.resolve(benchCase.caseName() + ".log");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int status;
            try {
                status = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } finally {
                if (storage != null) {
                    delete(storage);
                }
            }
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String result = lines.stream().filter(l -> l.startsWith(Driver.RESULT_PREFIX + " ")).reduce((a, b) -> b)
                    .orElse(null);
            if (status != 0 || result == null) {
                List<String> tail = lines.subList(Math.max(0, lines.size() - 30), lines.size());
                throw new IOException("its JVM exited with status " + status + "; its output ends:\n  "
                        + String.join("\n  ", tail) + "\ncommand: " + String.join(" ", command));
            }
            return CaseResult.parse(result, wallMillis);
        }

        /** Copies a module's classes and libraries into the work directory, once; returns the copies' path. */
        private String classpath(String module) throws IOException {
            String known = classpaths.get(module);
            if (known != null) {
                return known;
            }
            Path moduleDir = root.resolve("benchmarks/moobench").resolve(module);
            Path classes = moduleDir.resolve("target/classes");
            Path listFile = moduleDir.resolve("target/moobench.classpath");
            if (!Files.isDirectory(classes) || !Files.isRegularFile(listFile)) {
                throw new IOException("module " + module + " is not built (no " + root.relativize(listFile)
                        + "): run bin/pikos-bench without --no-build");
            }
            List<Path> entries = new ArrayList<>();
            entries.add(classes);
            String listed = Files.readString(listFile, StandardCharsets.UTF_8).strip();
            if (!listed.isEmpty()) {
                for (String entry : listed.split(java.io.File.pathSeparator)) {
                    entries.add(Path.of(entry));
                }
            }
            Path lib = Files.createDirectories(work.resolve("lib").resolve(module));
            List<String> copies = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path entry = entries.get(i);
                Path copy = lib.resolve(i + "-" + entry.getFileName());
                copyTree(entry, copy);
                copies.add(copy.toString());
                if (entry.getFileName().toString().startsWith("pikos-runtime")) {
                    pikosRuntime = (entry.startsWith(root) ? "`" + root.relativize(entry) + "` (this tree)"
                            : "`" + entry.getFileName() + "` from the local Maven repository")
                            + ", built " + Files.getLastModifiedTime(entry).toInstant() + ", copied "
                            + java.time.Instant.now() + " for the whole run";
                }
            }
            String classpath = String.join(java.io.File.pathSeparator, copies);
            classpaths.put(module, classpath);
            return classpath;
        }

        @Override
        public String pikosRuntime() {
            return pikosRuntime;
        }

        @Override
        public void close() {
            if (work != null) {
                try {
                    delete(work);
                } catch (IOException e) {
                    System.err.println("pikos-bench: cannot delete " + work + ": " + e.getMessage());
                }
            }
        }

        private static void copyTree(Path from, Path to) throws IOException {
            if (!Files.exists(from)) {
                throw new IOException("classpath entry " + from + " does not exist");
            }
            if (!Files.isDirectory(from)) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                return;
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }

        private static void delete(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}

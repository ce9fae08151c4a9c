package io.pikos.cli;

import io.pikos.weaver.ClassNamePatterns;
import io.pikos.weaver.Instrumenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

/**
 * {@code pikos-instrument}: weaves pikos into compiled classes ahead of time, for builds other than
 * Maven's (as {@code jacococli instrument} does for JaCoCo): a directory of classes into another
 * directory or into itself, or a jar into another jar, through {@link Instrumenter#instrumentAll}.
 *
 * <p>Each problem the weaver meets (a class left as it was, a method left without probes) is one
 * warning line on standard error; the summary is one line on standard output. Mistakes in the command
 * line (a missing {@code IN}, an {@code OUT} that cannot be written or does not fit {@code IN}, an
 * empty class-name pattern) get one line on standard error and exit status 2, with nothing written. A
 * file that cannot be read or written while weaving is one line and exit status 2 too; a jar is then not
 * written at all, and a directory holds the files written before it (each whole, so weaving again
 * finishes the job).
 */
@Command(name = "pikos-instrument",
        usageHelpWidth = 110,
        sortOptions = false,
        customSynopsis = {
            "pikos-instrument [-h] [--no-lines] [-cp CLASSPATH] [--include PATTERNS] [--exclude PATTERNS]",
            "                 [--strict] IN OUT"},
        synopsisHeading = "Usage: ",
        description = {
            "",
            "Weaves pikos into compiled classes, for builds other than Maven's (Maven has pikos-maven-plugin): "
                    + "each method reports its calls, returns and exceptions, and its calls into code that is not "
                    + "woven; each source line reports that it runs (unless --no-lines); @Monitored methods get "
                    + "their monitors. Woven classes need pikos-runtime (and aspectjrt, which it depends on) on their "
                    + "classpath at run time; while no monitor is enabled their probes cost next to nothing.",
            "Classes already woven are left as they are, so weaving twice is harmless. A class that cannot be "
                    + "woven is left as it was, and so is a method that probes would push past the JVM's 64 KiB "
                    + "of code: each gets a warning on standard error. Files that are not classes, and classes the "
                    + "patterns leave out, are copied as they are. Each file is written whole or not at all."},
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExample:%n",
        footer = {
            "  pikos-instrument -cp \"$(cat compile-classpath.txt)\" --exclude 'com.example.generated.**' \\",
            "                   build/classes/java/main build/classes/java/main",
            "",
            "weaves a Gradle build's classes in place, all but one package.",
            "",
            "Exit status: 0 when done; 1 with --strict if a class or method was left without probes (OUT is "
                    + "written all the same); 2 for a mistake in the command line (nothing is written) or a file "
                    + "that cannot be read or written."})
public final class PikosInstrument implements Callable<Integer> {

    private static final String NAME = "pikos-instrument";

    @Parameters(index = "0", paramLabel = "IN",
            description = "the classes to weave: a directory of class files, or a jar")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT",
            description = {"where the woven classes go: for a directory IN a directory (IN itself to",
                "weave in place), for a jar IN a file ending in .jar (IN itself to replace it);",
                "missing parent directories are made"})
    private Path out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--no-lines",
            description = {"no line probes: line monitors record nothing from these classes, which come",
                "out smaller; method probes stay"})
    private boolean noLines;

    @Option(names = {"-cp", "--class-path", "--classpath"}, paramLabel = "CLASSPATH",
            description = {"the classpath the classes were compiled against: jars and directories separated",
                "by ${sys:path.separator} (no wildcards), where AspectJ looks up the types of classes with",
                "@Monitored methods; IN is always on it"})
    private String classpath;

    @Option(names = "--include", paramLabel = "PATTERNS",
            description = {"weave only the classes whose names match these comma-separated globs:",
                "org.example.* is one package, org.example.** a subtree (default: every class)"})
    private String include;

    @Option(names = "--exclude", paramLabel = "PATTERNS",
            description = {"do not weave the classes whose names match these comma-separated globs,",
                "even if included; they are copied as they are"})
    private String exclude;

    @Option(names = "--strict",
            description = {"exit status 1 if any class or method was left without probes (or a @Monitored",
                "class without its monitors)"})
    private boolean strict;

    private final PrintStream stdout;
    private final PrintStream stderr;

    private PikosInstrument(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Runs {@code pikos-instrument} in this JVM.
     *
     * @param args the command line
     * @param out  where help and the summary go
     * @param err  where warnings and mistakes go
     * @return the exit status: 0 when done, 1 with {@code --strict} if anything was left without probes,
     *         2 for a mistake in the command line or a file that cannot be read or written
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new PikosInstrument(out, err));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((e, arguments) -> {
            err.println(NAME + ": " + e.getMessage() + " (see " + NAME + " --help)");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof Mistake) {
                err.println(NAME + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line.execute(args);
    }

    /**
     * The {@code pikos-instrument} command.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = execute(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws Mistake {
        Predicate<String> classNames = classNames();
        boolean jar = checkIn();
        Path inPlace = checkOut(jar);
        Instrumenter instrumenter = Instrumenter.builder().lines(!noLines).classpath(classpath()).build();
        int[] problems = new int[1];
        Instrumenter.Summary summary;
        try {
            if (jar) {
                Path parent = out.toAbsolutePath().getParent();
                Files.createDirectories(parent);
            } else {
                Files.createDirectories(out);
            }
            summary = instrumenter.instrumentAll(in, inPlace == null ? out : inPlace, classNames, result -> {
                for (String problem : result.problems()) {
                    stderr.println(NAME + ": warning: " + problem);
                    problems[0]++;
                }
            });
        } catch (IOException e) {
            throw new Mistake("cannot weave " + in + " into " + out + ": " + describe(e));
        }
        stdout.println(NAME + ": " + count(summary.woven(), "class", "classes") + " woven, "
                + summary.already() + " already woven, "
                + summary.skipped() + (summary.skipped() == 1 ? " left as it was, " : " left as they were, ")
                + count(summary.other(), "other file", "other files")
                + (inPlace == null || jar ? " copied, into " : " unchanged, in place in ") + out
                + (noLines ? " (no line probes)" : ""));
        return strict && problems[0] > 0 ? 1 : 0;
    }

    /** @return the filter of {@code --include} and {@code --exclude} */
    private Predicate<String> classNames() throws Mistake {
        List<String> includes = include == null ? List.of() : Arrays.asList(include.split(",", -1));
        List<String> excludes = exclude == null ? List.of() : Arrays.asList(exclude.split(",", -1));
        try {
            ClassNamePatterns.of(includes, List.of());
        } catch (IllegalArgumentException e) {
            throw new Mistake("--include: " + e.getMessage());
        }
        try {
            return ClassNamePatterns.of(includes, excludes);
        } catch (IllegalArgumentException e) {
            throw new Mistake("--exclude: " + e.getMessage());
        }
    }

    /** @return where AspectJ resolves types: {@code IN}, then {@code --classpath} */
    private List<Path> classpath() throws Mistake {
        List<Path> path = new ArrayList<>();
        path.add(in);
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator, -1)) {
                if (!entry.isEmpty()) {
                    try {
                        path.add(Path.of(entry));
                    } catch (InvalidPathException e) {
                        throw new Mistake("--classpath: '" + entry + "' is not a path: " + e.getReason());
                    }
                }
            }
        }
        return path;
    }

    /** @return whether {@code IN} is a jar (otherwise it is a directory) */
    private boolean checkIn() throws Mistake {
        if (in.toString().isEmpty()) {
            throw new Mistake("IN is empty");
        }
        if (!Files.exists(in)) {
            throw new Mistake("IN '" + in + "' does not exist");
        }
        if (!Files.isReadable(in)) {
            throw new Mistake("IN '" + in + "' cannot be read");
        }
        if (Files.isDirectory(in)) {
            return false;
        }
        try {
            new ZipFile(in.toFile()).close();
            return true;
        } catch (IOException e) {
            throw new Mistake("IN '" + in + "' is neither a directory nor a jar");
        }
    }

    /**
     * Checks that {@code OUT} fits {@code IN} and can be written, writing nothing.
     *
     * @return {@code IN} if {@code OUT} is {@code IN} itself (however spelt), otherwise null
     */
    private Path checkOut(boolean jar) throws Mistake {
        if (out.toString().isEmpty()) {
            throw new Mistake("OUT is empty");
        }
        String outName = out.getFileName() == null ? "" : out.getFileName().toString();
        Path realIn = real(in);
        Path realOut = real(out);
        if (jar) {
            if (!outName.endsWith(".jar")) {
                throw new Mistake("OUT '" + out + "' does not end in .jar, and IN '" + in + "' is a jar");
            }
            if (Files.isDirectory(out)) {
                throw new Mistake("OUT '" + out + "' is a directory, and IN '" + in + "' is a jar");
            }
        } else {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new Mistake("OUT '" + out + "' is not a directory, and IN '" + in + "' is a directory");
            }
            if (!Files.exists(out) && outName.endsWith(".jar")) {
                throw new Mistake("OUT '" + out + "' ends in .jar, and IN '" + in + "' is a directory");
            }
            if (!realOut.equals(realIn) && realOut.startsWith(realIn)) {
                throw new Mistake("OUT '" + out + "' is inside IN '" + in + "'");
            }
        }
        Path existing = out.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!existing.equals(out.toAbsolutePath()) && !Files.isDirectory(existing)) {
            throw new Mistake("cannot write OUT '" + out + "': " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new Mistake("cannot write OUT '" + out + "': " + existing + " is not writable");
        }
        if (jar && Files.exists(out) && !Files.isWritable(out.toAbsolutePath().getParent())) {
            throw new Mistake("cannot write OUT '" + out + "': " + out.toAbsolutePath().getParent()
                    + " is not writable");
        }
        return realOut.equals(realIn) ? in : null;
    }

    /** @return the path with its existing part resolved to the real one (links followed) */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A mistake in the command line, or a file that cannot be read or written: one line, exit status 2. */
    static final class Mistake extends Exception {

        private static final long serialVersionUID = 1L;

        Mistake(String message) {
            super(message);
        }
    }
}

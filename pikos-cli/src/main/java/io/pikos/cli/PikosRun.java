package io.pikos.cli;

import io.pikos.annotations.MonitorKind;
import io.pikos.annotations.Recording;
import io.pikos.cli.internal.InProcessWeaver;
import io.pikos.cli.internal.Program;
import io.pikos.cli.internal.ProgramRunner;
import io.pikos.cli.internal.TargetClassLoader;
import io.pikos.cli.internal.UsageException;
import io.pikos.internal.config.MonitorFactory;
import io.pikos.monitors.Monitor;
import io.pikos.records.MonitorRecord;
import io.pikos.recorders.Recorder;
import io.pikos.weaver.ClassNamePatterns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Executable;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * {@code pikos-run}: the seed's command line. Runs a Java program (a single-file {@code .java}
 * program, a jar, or a main class on a classpath) under one of the four monitors, weaving its classes
 * in-process as they load (the weaver a woven build uses, {@code io.pikos.weaver.Instrumenter}, run
 * by a class loader, never an agent), and passes its exit status through.
 *
 * <p>Mistakes in the command line (an unknown monitor or recording, a missing target, a program that
 * does not compile, a focus method that does not exist, an output that cannot be written) get one
 * line on standard error and exit status 2, before the program starts.
 */
@Command(name = "pikos-run",
        usageHelpWidth = 110,
        sortOptions = false,
        customSynopsis = {
            "pikos-run [-h] [-o OUTPUT] [--buffered] [--recording {screen,text,csv,jfr}]",
            "          [--focused-on FOCUSED_ON] [-cp CLASSPATH] [--weave PATTERNS]",
            "          {functions,line_memory,lines,function_memory} TARGET [-- ARGS...]"},
        synopsisHeading = "Usage: ",
        description = {
            "",
            "Runs a Java program under a pikos monitor and records what it does: each method call and return "
                    + "(functions), each source line (lines), or either with the process's memory (function_memory, "
                    + "line_memory). Classes that were not woven at build time are woven as they load, without an "
                    + "agent; classes woven at build time are used as they are.",
            "The program's standard input, output and error are its own (only --recording screen adds to "
                    + "standard output), and its exit status is passed through. Records are flushed when the "
                    + "program ends, calls System.exit, throws out of main, or is terminated."},
        parameterListHeading = "%nPositional arguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExample (the seed's, translated):%n",
        footer = {
            "  pikos-run line_memory samples/src/main/java/io/pikos/samples/MandelbrotSetExample.java \\",
            "            --recording csv --focused-on=mandelbrot",
            "",
            "runs the Mandelbrot example and writes monitor_records.csv: the RSS and VMS of the process before each "
                    + "line of mandelbrot runs, with the line's source text.",
            "",
            "Exit status: the program's own; 1 if main throws; 2 for a mistake in the command line."})
public final class PikosRun implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MONITOR",
            description = "functions, lines, function_memory or line_memory")
    private String monitor;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = {"the program: a single-file program Foo.java (compiled as java Foo.java would,",
                "with its source text kept for line records), a jar (its Main-Class and Class-Path),",
                "or the name of a main class on -cp"})
    private String target;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
            description = {"the file records go to (default: monitor_records.csv for csv, monitor_records.log",
                "for text, monitor_records.jfr for jfr; screen writes to standard output)"})
    private String output;

    @Option(names = "--buffered",
            description = "buffer the records' stream; without it each record is flushed as it is made")
    private boolean buffered;

    @Option(names = "--recording", paramLabel = "RECORDING", defaultValue = "screen",
            description = {"screen (the default), text, csv, or jfr: JDK Flight Recorder events pikos.Function,",
                "pikos.Line, pikos.FunctionMemory, pikos.LineMemory, for jfr print and JDK Mission Control"})
    private String recording;

    @Option(names = "--focused-on", paramLabel = "FOCUSED_ON",
            description = {"record only inside these methods, comma-separated: name (a method of the",
                "main class), Class.name or pkg.Class.name; a line monitor records the lines",
                "of these methods themselves"})
    private String focusedOn;

    @Option(names = {"-cp", "--class-path", "--classpath"}, paramLabel = "CLASSPATH",
            description = {"where the program's classes and libraries are, as java's -cp",
                "(default for a main class: $CLASSPATH, else the current directory)"})
    private String classpath;

    @Option(names = "--weave", paramLabel = "PATTERNS",
            description = {"weave only the classes whose names match these comma-separated globs:",
                "org.example.* is one package, org.example.** a subtree; by default the",
                "target's own classes (the .java file's, the jar's, or the -cp entries')"})
    private String weave;

    private final PrintStream err;
    private String[] programArguments = new String[0];

    private PikosRun(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs {@code pikos-run} in this JVM and, for a program that ends normally, returns when it and the
     * threads it started have ended.
     *
     * @param args the command line; the program's own arguments follow {@code --}
     * @param out  where help goes
     * @param err  where mistakes and compiler diagnostics go
     * @return the exit status: 0 if the program's {@code main} returned, 1 if it threw, 2 for a mistake
     *         in the command line (the program did not start)
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        int end = Arrays.asList(args).indexOf("--");
        PikosRun command = new PikosRun(err);
        if (end >= 0) {
            command.programArguments = Arrays.copyOfRange(args, end + 1, args.length);
        }
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((e, arguments) -> {
            err.println("pikos-run: " + e.getMessage() + " (see pikos-run --help)");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                err.println("pikos-run: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line.execute(end >= 0 ? Arrays.copyOfRange(args, 0, end) : args);
    }

    /**
     * The {@code pikos-run} command.
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
    public Integer call() throws UsageException {
        MonitorKind kind = word(() -> MonitorKind.fromCommandName(monitor));
        Recorder<MonitorRecord> recorder = word(() -> MonitorFactory.recorder(
                Recording.fromCommandName(recording), output, buffered));
        Predicate<String> weaveByName = weave == null ? null
                : word(() -> ClassNamePatterns.of(Arrays.asList(weave.split(",")), List.of()));
        Program program = Program.of(target, classpath, err);
        List<URL> urls = program.classpath();
        TargetClassLoader loader = new TargetClassLoader(urls.toArray(URL[]::new), weaveByName, program::isOwn,
                new InProcessWeaver(urls, err));
        ProgramRunner runner = new ProgramRunner(loader, program.mainClass());
        Executable[] focus = focusedOn == null ? new Executable[0] : runner.focus(focusedOn);
        Monitor chosen = MonitorFactory.monitor(kind, recorder, focus);
        return runner.run(chosen, programArguments);
    }

    /** Reads one of the command line's words, turning a bad one into a usage error. */
    private static <T> T word(WordReader<T> reader) throws UsageException {
        try {
            return reader.read();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface WordReader<T> {
        T read();
    }
}

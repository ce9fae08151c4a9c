package io.pikos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A program run as a real process with its standard streams read to the end: {@code bin/pikos-run} as a
 * user runs it, or plain {@code java} to compare with. A process that has not ended within the limit is
 * killed and the test fails, so that a deadlock cannot hang the build.
 *
 * @param status the exit status
 * @param out    what was written to standard output
 * @param err    what was written to standard error
 */
record Launched(int status, String out, String err) {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("bin/pikos-run");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final long LIMIT_SECONDS = 120;

    /**
     * Runs {@code bin/pikos-run}.
     *
     * @param javaOptions options for pikos-run's JVM ({@code PIKOS_JAVA_OPTS}), or {@code ""}
     */
    static Launched pikosRun(Path workingDirectory, String javaOptions, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return run(workingDirectory, Map.of("PIKOS_JAVA_OPTS", javaOptions), stdin, command);
    }

    /** Runs plain {@code java} (this JVM's) with these arguments, its standard input empty. */
    static Launched java(Path workingDirectory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(args));
        return run(workingDirectory, Map.of(), "", command);
    }

    private static Launched run(Path workingDirectory, Map<String, String> environment, String stdin,
                                List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Both streams are read to the end while the process runs, so that neither pipe can fill and block it.
        // One thread each: a shared pool could run one reader after the other.
        CompletableFuture<String> out = reader(process.getInputStream());
        CompletableFuture<String> err = reader(process.getErrorStream());
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(command + " did not end within " + LIMIT_SECONDS + " s");
        }
        try {
            return new Launched(process.exitValue(), out.get(LIMIT_SECONDS, TimeUnit.SECONDS),
                    err.get(LIMIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CompletableFuture<String> reader(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "reader");
        thread.setDaemon(true);
        thread.start();
        return text;
    }
}

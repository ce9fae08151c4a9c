package io.pikos.samples.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PriceService} in a child JVM, started as an operator starts it: {@code java} from this JVM's
 * home, this JVM's classpath (the woven build), JVM options and environment variables of the test's
 * choosing. Waits for its {@code listening on} line, never for a time; the timeouts only guard
 * against a test hanging.
 */
final class ServiceProcess implements AutoCloseable {

    /** How long to wait for anything before failing: start-up, an answer, an exit. */
    static final Duration GUARD = Duration.ofSeconds(60);
    /** What a JVM ended by SIGTERM exits with: 128 + 15. */
    static final int SIGTERM_STATUS = 143;

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(GUARD).build();

    private final Process process;
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final CompletableFuture<List<String>> stdoutLines;
    private final CompletableFuture<List<String>> stderrLines;
    private final int port;

    private ServiceProcess(Process process) throws IOException {
        this.process = process;
        stdoutLines = readLines(process.getInputStream(), firstLine::complete, "stdout");
        stderrLines = readLines(process.getErrorStream(), line -> { }, "stderr");
        String line;
        try {
            line = firstLine.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the service did not say it listens: " + e, e);
        }
        Matcher matcher = LISTENING.matcher(line);
        if (!matcher.matches()) {
            process.destroyForcibly();
            throw new AssertionError("the service's first line: " + line);
        }
        port = Integer.parseInt(matcher.group(1));
    }

    /**
     * Starts the service on any free port and waits until it listens.
     *
     * @param jvmOptions  options before the main class, {@code -Dpikos.monitor=...} for example
     * @param environment variables to set; every other {@code PIKOS_*} variable is removed
     */
    static ServiceProcess start(List<String> jvmOptions, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(PriceService.class.getName());
        command.add("0");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PIKOS_"));
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start());
    }

    /** @return the port the service listens on */
    int port() {
        return port;
    }

    /** @return the child JVM's process id */
    long pid() {
        return process.pid();
    }

    /**
     * Sends {@code GET} and waits for the answer.
     *
     * @param pathAndQuery for example {@code /quote?item=apple&qty=3}
     * @return the status code and the body
     */
    HttpResponse<String> get(String pathAndQuery) {
        return get(port, pathAndQuery);
    }

    /** Sends {@code GET} to a service on this host and waits for the answer. */
    static HttpResponse<String> get(int port, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(GUARD).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asks for a quote and checks that the answer is 200 with exactly that body. */
    void assertQuote(String pathAndQuery, String expected) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(expected, response.body());
    }

    /**
     * Sends SIGTERM (what {@link Process#destroy()} sends on Linux and macOS) and waits for the exit.
     *
     * @return the exit status
     */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Waits for the JVM to exit on its own. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS), "the service is still running");
        return process.exitValue();
    }

    /** @return everything the service wrote on standard output, once it has exited */
    List<String> stdout() {
        return finished(stdoutLines);
    }

    /** @return everything the service wrote on standard error, once it has exited */
    List<String> stderr() {
        return finished(stderrLines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static List<String> finished(CompletableFuture<List<String>> lines) {
        try {
            return lines.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the stream did not end: " + e, e);
        }
    }

    private CompletableFuture<List<String>> readLines(InputStream stream, Consumer<String> onLine, String name) {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    onLine.accept(line);
                }
                done.complete(lines);
            } catch (IOException e) {
                done.completeExceptionally(e);
            } finally {
                firstLine.completeExceptionally(new IOException(name + " ended: " + lines));
            }
        }, "service " + name);
        reader.setDaemon(true);
        reader.start();
        return done;
    }
}

package io.pikos.cli.internal;

import io.pikos.weaver.Instrumenter;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves one class as it loads, with the same library and options as a woven build. A class woven at
 * build time is recognised and used as it is. A class that cannot be woven, or a method that cannot
 * take probes, is loaded as it is, with one line on standard error: the program runs, that code
 * unmonitored.
 */
public final class InProcessWeaver {

    private final Instrumenter instrumenter;
    private final PrintStream err;

    /**
     * @param classpath where the program's classes come from: AspectJ resolves there the types of the
     *                  classes with {@code @Monitored} methods
     * @param err       where a class that cannot be woven is reported
     */
    public InProcessWeaver(List<URL> classpath, PrintStream err) {
        this.err = err;
        List<Path> entries = new ArrayList<>();
        for (URL url : classpath) {
            try {
                entries.add(Path.of(url.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a local file: AspectJ cannot read it either
            }
        }
        this.instrumenter = Instrumenter.builder().classpath(entries).build();
    }

    /**
     * Weaves a class.
     *
     * @param name  the class's binary name
     * @param bytes its class file
     * @return the woven class file, or {@code bytes} if there was nothing to weave or weaving failed
     */
    public byte[] weave(String name, byte[] bytes) {
        Instrumenter.Result result = instrumenter.instrument(bytes);
        for (String problem : result.problems()) {
            err.println("pikos-run: " + problem + (result.status() == Instrumenter.Status.SKIPPED
                    ? "; it runs unmonitored" : ""));
        }
        return result.classFile();
    }
}

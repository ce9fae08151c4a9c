package io.pikos.weaver.processor;

import org.aspectj.bridge.IMessage;
import org.aspectj.bridge.MessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor, run inside a real javac on small sources. */
class MonitoredProcessorTest {

    @TempDir
    Path root;

    private record Result(boolean ok, List<String> errors, Path generated) {
    }

    private Result compile(String className, String source) throws IOException {
        Path file = root.resolve("src/" + className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path out = Files.createDirectories(root.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-s", out.toString(), "-Apikos.root=" + root,
                            "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(file));
            task.setProcessors(List.of(new MonitoredProcessor()));
            boolean ok = task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null))
                    .collect(Collectors.toList());
            return new Result(ok, errors, out.resolve(className.replace('.', '/') + "_PikosSource.java"));
        }
    }

    private void assertFail(String className, String source, String message) throws IOException {
        Result result = compile(className, source);
        assertEquals(List.of(message), result.errors());
    }

    @Test
    void rejects_monitored_on_an_abstract_method() throws IOException {
        assertFail("demo.Shape", """
                package demo;
                import io.pikos.annotations.Monitored;
                abstract class Shape {
                    @Monitored abstract double area();
                }
                """, "@Monitored on Shape.area(): an abstract method has no body to monitor");
    }

    @Test
    void rejects_monitored_on_an_interface_method_without_body() throws IOException {
        assertFail("demo.Api", """
                package demo;
                import io.pikos.annotations.Monitored;
                interface Api {
                    @Monitored void call(int times);
                }
                """, "@Monitored on Api.call(int): an abstract method has no body to monitor");
    }

    @Test
    void rejects_monitored_on_a_native_method() throws IOException {
        assertFail("demo.Native", """
                package demo;
                import io.pikos.annotations.Monitored;
                class Native {
                    @Monitored native void poke();
                }
                """, "@Monitored on Native.poke(): a native method cannot be woven");
    }

    @Test
    void rejects_an_output_for_the_screen() throws IOException {
        assertFail("demo.Screen", """
                package demo;
                import io.pikos.annotations.Monitored;
                class Screen {
                    @Monitored(output = "out.csv") void run() { }
                }
                """, "@Monitored on Screen.run(): output \"out.csv\" is given but recording SCREEN writes to standard output");
    }

    @Test
    void rejects_an_output_that_is_not_a_file_name() throws IOException {
        assertFail("demo.Dir", """
                package demo;
                import io.pikos.annotations.Monitored;
                import io.pikos.annotations.Recording;
                class Dir {
                    @Monitored(recording = Recording.CSV, output = "records/") void run() { }
                }
                """, "@Monitored on Dir.run(): output \"records/\" is not a file name");
    }

    @Test
    void rejects_monitored_in_pikos_own_packages() throws IOException {
        assertFail("io.pikos.monitors.Mine", """
                package io.pikos.monitors;
                import io.pikos.annotations.Monitored;
                class Mine {
                    @Monitored void run() { }
                }
                """, "@Monitored on Mine.run(): pikos does not weave its own package io.pikos.monitors");
    }

    @Test
    void accepts_valid_uses_and_generates_the_source_metadata_class() throws IOException {
        Result result = compile("demo.Valid", """
                package demo;
                import io.pikos.annotations.*;

                class Valid {   \t
                    @Monitored(monitor = MonitorKind.LINES, recording = Recording.CSV, output = "valid.csv", focused = true)
                    Valid() { }
                    @Monitored
                    int twice(int x) {
                        return 2 * x;
                    }
                }
                """);
        assertTrue(result.ok(), result.errors().toString());
        assertEquals("""
                package demo;

                import io.pikos.probe.Sites;
                import javax.annotation.processing.Generated;

                /**
                 * Source path and line text of {@code demo/Valid.java}, for pikos line records.
                 */
                @Generated("io.pikos.weaver.processor.MonitoredProcessor")
                final class Valid_PikosSource {
                  static {
                    Sites.registerSource("demo/Valid.java", "src/demo/Valid.java",
                    "<init>,6,6;twice,8,10",
                    1, "package demo;\\n"
                        + "import io.pikos.annotations.*;\\n"
                        + "\\n"
                        + "class Valid {\\n"
                        + "    @Monitored(monitor = MonitorKind.LINES, recording = Recording.CSV, output = \\"valid.csv\\", focused = true)\\n"
                        + "    Valid() { }\\n"
                        + "    @Monitored\\n"
                        + "    int twice(int x) {\\n"
                        + "        return 2 * x;\\n"
                        + "    }\\n"
                        + "}\\n");
                  }

                  private Valid_PikosSource() {
                  }
                }
                """, Files.readString(result.generated()));
    }

    // ---- the same processor inside ajc (Eclipse's compiler: no javac tree API, no source path)

    private Result compileWithAjc(String className, String source) throws IOException {
        Path file = root.resolve("src/main/java/" + className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path out = Files.createDirectories(root.resolve("ajc-out"));
        String classpath = System.getProperty("java.class.path");
        MessageHandler messages = new MessageHandler();
        new org.aspectj.tools.ajc.Main().run(new String[] {"-17", "-d", out.toString(), "-s", out.toString(),
            "-classpath", classpath, "-processorpath", classpath, "-Apikos.root=" + root, file.toString()}, messages);
        List<String> errors = Arrays.stream(messages.getMessages(IMessage.ERROR, true))
                .map(IMessage::getMessage).map(String::strip).collect(Collectors.toList());
        return new Result(errors.isEmpty(), errors, out.resolve(className.replace('.', '/') + "_PikosSource.java"));
    }

    @Test
    void rejects_wrong_uses_inside_ajc_with_the_same_message() throws IOException {
        Result result = compileWithAjc("demo.Shape", """
                package demo;
                import io.pikos.annotations.Monitored;
                abstract class Shape {
                    @Monitored abstract double area(int sides, String name);
                }
                """);
        assertEquals(List.of("@Monitored on Shape.area(int,java.lang.String): an abstract method has no body to monitor"),
                result.errors());
    }

    @Test
    void generates_the_source_metadata_inside_ajc_from_the_source_roots() throws IOException {
        Result result = compileWithAjc("demo.Valid", """
                package demo;

                class Valid {
                    int twice(int x) {   \t
                        return 2 * x;
                    }
                }
                """);
        assertTrue(result.ok(), result.errors().toString());
        String generated = Files.readString(result.generated());
        assertTrue(generated.contains("""
                    Sites.registerSource("demo/Valid.java", "src/main/java/demo/Valid.java",
                    "",
                    1, "package demo;\\n"
                        + "\\n"
                        + "class Valid {\\n"
                        + "    int twice(int x) {\\n"
                        + "        return 2 * x;\\n"
                        + "    }\\n"
                        + "}\\n");
                """), generated);
    }
}

package io.pikos.weaver.lines;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The line pass fed broken class files: truncated at every length and with bytes flipped at random
 * (a fixed seed, so a failure repeats). It either refuses with a {@link LineInstrumentationException}
 * that names the class where it can, or returns a class file that reads back whole; it never throws
 * anything else.
 */
class MalformedClassFilesTest {

    private static final List<Class<?>> SAMPLES = List.of(LineInstrumenter.class, ClassNamePatterns.class,
            LineInstrumentationException.class, MalformedClassFilesTest.class);

    private final LineInstrumenter instrumenter = new LineInstrumenter();

    @Test
    void a_truncated_class_file_is_refused_by_name_at_every_length() throws IOException {
        for (Class<?> sample : SAMPLES) {
            byte[] whole = bytes(sample);
            for (int length = 0; length < whole.length; length++) {
                byte[] truncated = Arrays.copyOf(whole, length);
                try {
                    instrumenter.instrument(truncated);
                    fail(sample.getName() + " truncated to " + length + " bytes was instrumented");
                } catch (LineInstrumentationException e) {
                    assertTrue(e.getMessage().startsWith("not a valid class file")
                            || e.getMessage().startsWith(sample.getName() + ": not a valid class file"), e.getMessage());
                } catch (RuntimeException e) {
                    fail(sample.getName() + " truncated to " + length + " bytes: " + e, e);
                }
            }
        }
    }

    @Test
    void flipped_bytes_are_refused_or_give_a_class_file_that_reads_back() throws IOException {
        Random random = new Random(20261129);
        for (Class<?> sample : SAMPLES) {
            byte[] whole = bytes(sample);
            for (int attempt = 0; attempt < 500; attempt++) {
                byte[] broken = whole.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
                }
                byte[] result;
                try {
                    result = instrumenter.instrument(broken);
                } catch (LineInstrumentationException e) {
                    continue;
                } catch (RuntimeException e) {
                    fail(sample.getName() + ", attempt " + attempt + ": " + e, e);
                    return;
                }
                if (result != broken) {
                    try {
                        new ClassReader(result).accept(new ClassWriter(0), 0);
                    } catch (RuntimeException e) {
                        fail(sample.getName() + ", attempt " + attempt + ": wrote a class file that does not read back: "
                                + e, e);
                    }
                }
            }
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}

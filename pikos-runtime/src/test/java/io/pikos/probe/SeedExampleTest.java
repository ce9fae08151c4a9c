package io.pikos.probe;

import io.pikos.monitors.FocusedLineMemoryMonitor;
import io.pikos.monitors.Monitor;
import io.pikos.recorders.CsvStreamRecorder;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program that drives a focused line-memory monitor through the probe entry points, as woven code
 * does, gets the seed's CSV: the seed's sample, byte for byte, apart from the memory figures.
 */
class SeedExampleTest {

    private static final String PATH = "examples/mandelbrot_set_example.py";

    /** The seed's sample rows, with RSS and VMS replaced by {@code %d}. */
    private static final String SEED_ROWS = """
            index,function,lineNo,RSS,VMS,line,filename
            0,mandelbrot,16,%d,%d,"    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]",examples/mandelbrot_set_example.py
            1,mandelbrot,17,%d,%d,    c = x+y*1j,examples/mandelbrot_set_example.py
            2,mandelbrot,18,%d,%d,    z = c,examples/mandelbrot_set_example.py
            3,mandelbrot,19,%d,%d,"    divtime = maxit + zeros(z.shape, dtype=int)",examples/mandelbrot_set_example.py
            4,mandelbrot,21,%d,%d,    for i in xrange(maxit):,examples/mandelbrot_set_example.py
            5,mandelbrot,22,%d,%d,       z = z**2 + c,examples/mandelbrot_set_example.py
            6,mandelbrot,23,%d,%d,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py
            7,mandelbrot,24,%d,%d,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py
            8,mandelbrot,25,%d,%d,       divtime[div_now] = i                  # note when,examples/mandelbrot_set_example.py
            9,mandelbrot,26,%d,%d,       z[diverge] = 2                        # avoid diverging too much,examples/mandelbrot_set_example.py
            10,mandelbrot,21,%d,%d,    for i in xrange(maxit):,examples/mandelbrot_set_example.py
            11,mandelbrot,22,%d,%d,       z = z**2 + c,examples/mandelbrot_set_example.py
            12,mandelbrot,23,%d,%d,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py
            13,mandelbrot,24,%d,%d,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py
            14,mandelbrot,25,%d,%d,       divtime[div_now] = i                  # note when,examples/mandelbrot_set_example.py
            15,mandelbrot,26,%d,%d,       z[diverge] = 2                        # avoid diverging too much,examples/mandelbrot_set_example.py
            16,mandelbrot,21,%d,%d,    for i in xrange(maxit):,examples/mandelbrot_set_example.py
            17,mandelbrot,22,%d,%d,       z = z**2 + c,examples/mandelbrot_set_example.py
            18,mandelbrot,23,%d,%d,       diverge = z*conj(z) > 2**2            # who is diverging,examples/mandelbrot_set_example.py
            19,mandelbrot,24,%d,%d,       div_now = diverge & (divtime==maxit)  # who is diverging now,examples/mandelbrot_set_example.py
            """;

    /** Stands in for the woven Mandelbrot example: its method, its lines and their build-time text. */
    static final class Mandelbrot {

        static final int METHOD = Sites.method(Mandelbrot.class, "SeedExampleTest.java", "mandelbrot", "(III)[[I", 13);
        static final int HELPER = Sites.method(Mandelbrot.class, "SeedExampleTest.java", "main", "([Ljava/lang/String;)V", 30);
        static final int[] LINES = new int[27];

        static {
            Sites.registerSource("io/pikos/probe/SeedExampleTest.java", PATH, "", 13,
                    "def mandelbrot(h, w, maxit=20):\n"
                            + "    '''Returns an image of the Mandelbrot fractal of size (h,w).\n"
                            + "    '''\n"
                            + "    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]\n"
                            + "    c = x+y*1j\n"
                            + "    z = c\n"
                            + "    divtime = maxit + zeros(z.shape, dtype=int)\n"
                            + "\n",
                    "    for i in xrange(maxit):\n"
                            + "       z = z**2 + c\n"
                            + "       diverge = z*conj(z) > 2**2            # who is diverging\n"
                            + "       div_now = diverge & (divtime==maxit)  # who is diverging now\n"
                            + "       divtime[div_now] = i                  # note when\n"
                            + "       z[diverge] = 2                        # avoid diverging too much\n"
                            + "\n"
                            + "    return divtime");
            for (int line = 16; line <= 26; line++) {
                LINES[line] = Sites.line(METHOD, line);
            }
        }

        /** The line probes the weaver would insert into mandelbrot(h, w, maxit). */
        static void mandelbrot(int maxit) {
            Probes.methodEnter(METHOD);
            for (int line = 16; line <= 19; line++) {
                Probes.line(LINES[line]);
            }
            for (int i = 0; i < maxit; i++) {
                for (int line = 21; line <= 26; line++) {
                    Probes.line(LINES[line]);
                }
            }
            Probes.methodReturn(METHOD, 28);
        }

        static void main() {
            Probes.methodEnter(HELPER);
            Probes.line(Sites.line(HELPER, 31)); // outside the focus: not recorded
            mandelbrot(3);
            Probes.methodReturn(HELPER, 32);
        }
    }

    @Test
    void focused_line_memory_monitor_writes_the_seed_csv() {
        StringWriter csv = new StringWriter();
        try (Monitor monitor = new FocusedLineMemoryMonitor(new CsvStreamRecorder(csv),
                "io.pikos.probe.SeedExampleTest$Mandelbrot.mandelbrot").enable()) {
            Mandelbrot.main();
        }
        String[] rows = csv.toString().split("\r\n");
        assertEquals(1 + 4 + 3 * 6, rows.length);
        List<Object> memory = new ArrayList<>();
        StringBuilder masked = new StringBuilder(rows[0]).append('\n');
        for (int i = 1; i <= 20; i++) {
            String[] fields = rows[i].split(",", 6);
            long rss = Long.parseLong(fields[3]);
            long vms = Long.parseLong(fields[4]);
            assertTrue(rss > 0 && vms >= rss, rows[i]);
            memory.add(rss);
            memory.add(vms);
            masked.append(String.join(",", fields[0], fields[1], fields[2], "%d", "%d", fields[5])).append('\n');
        }
        assertEquals(SEED_ROWS, masked.toString());
        assertEquals(SEED_ROWS.formatted(memory.toArray()).replace("\n", "\r\n"),
                String.join("\r\n", List.of(rows).subList(0, 21)) + "\r\n");
    }
}

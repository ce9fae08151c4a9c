package io.pikos.records;

import java.util.List;

/** The rows of the seed's "CSV Sample" (pikos-usage.txt), as records; shared by the tests that use them. */
public final class SeedSample {

    /** The seed's 20 sample rows, in order. */
    public static final List<LineMemoryRecord> RECORDS = List.of(
            new LineMemoryRecord(0, "mandelbrot", 16, 64679936L, 382787584L,
                    "    y,x = ogrid[-1.4:1.4:h*1j, -2:0.8:w*1j]",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(1, "mandelbrot", 17, 64962560L, 383229952L,
                    "    c = x+y*1j",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(2, "mandelbrot", 18, 67678208L, 386056192L,
                    "    z = c",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(3, "mandelbrot", 19, 67817472L, 386056192L,
                    "    divtime = maxit + zeros(z.shape, dtype=int)",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(4, "mandelbrot", 21, 69103616L, 387338240L,
                    "    for i in xrange(maxit):",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(5, "mandelbrot", 22, 69103616L, 387338240L,
                    "       z = z**2 + c",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(6, "mandelbrot", 23, 71671808L, 389902336L,
                    "       diverge = z*conj(z) > 2**2            # who is diverging",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(7, "mandelbrot", 24, 76263424L, 394760192L,
                    "       div_now = diverge & (divtime==maxit)  # who is diverging now",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(8, "mandelbrot", 25, 76529664L, 394760192L,
                    "       divtime[div_now] = i                  # note when",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(9, "mandelbrot", 26, 76529664L, 394760192L,
                    "       z[diverge] = 2                        # avoid diverging too much",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(10, "mandelbrot", 21, 76537856L, 394760192L,
                    "    for i in xrange(maxit):",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(11, "mandelbrot", 22, 76537856L, 394760192L,
                    "       z = z**2 + c",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(12, "mandelbrot", 23, 74452992L, 392675328L,
                    "       diverge = z*conj(z) > 2**2            # who is diverging",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(13, "mandelbrot", 24, 76881920L, 395235328L,
                    "       div_now = diverge & (divtime==maxit)  # who is diverging now",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(14, "mandelbrot", 25, 77012992L, 395235328L,
                    "       divtime[div_now] = i                  # note when",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(15, "mandelbrot", 26, 77012992L, 395235328L,
                    "       z[diverge] = 2                        # avoid diverging too much",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(16, "mandelbrot", 21, 77012992L, 395235328L,
                    "    for i in xrange(maxit):",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(17, "mandelbrot", 22, 77012992L, 395235328L,
                    "       z = z**2 + c",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(18, "mandelbrot", 23, 79441920L, 397795328L,
                    "       diverge = z*conj(z) > 2**2            # who is diverging",
                    "examples/mandelbrot_set_example.py"),
            new LineMemoryRecord(19, "mandelbrot", 24, 79572992L, 397795328L,
                    "       div_now = diverge & (divtime==maxit)  # who is diverging now",
                    "examples/mandelbrot_set_example.py"));

    private SeedSample() {
    }
}

package io.pikos.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mandelbrot example computes the seed's escape times, checked against a plain scalar loop over the
 * same grid, and its {@code main} writes the image as a PNG.
 */
class MandelbrotSetExampleTest {

    private static final int VIRIDIS_LOWEST = 0x440154;
    private static final int VIRIDIS_HIGHEST = 0xfde725;

    /** Point {@code k} of {@code numpy.ogrid[start:stop:n*1j]}: {@code k*step + start}, ends included. */
    private static double ogridPoint(double start, double stop, int n, int k) {
        double step = n == 1 ? 1 : (stop - start) / (n - 1);
        return k * step + start;
    }

    private static double re(int w, int k) {
        return ogridPoint(-2, 0.8, w, k);
    }

    private static double im(int h, int r) {
        return ogridPoint(-1.4, 1.4, h, r);
    }

    /**
     * The escape time of one point, one complex number at a time: iterate {@code z = z*z + c} from
     * {@code z = c}; the first iteration after which {@code |z|² > 4}, or {@code maxit}.
     */
    private static int escapeTime(double cr, double ci, int maxit) {
        double zr = cr;
        double zi = ci;
        for (int i = 0; i < maxit; i++) {
            double nextRe = zr * zr - zi * zi + cr;
            double nextIm = 2 * zr * zi + ci;
            zr = nextRe;
            zi = nextIm;
            if (zr * zr + zi * zi > 4) {
                return i;
            }
        }
        return maxit;
    }

    /** The grid cell whose point is nearest {@code cr + ci*i}, as {row, column}. */
    private static int[] nearest(int h, int w, double cr, double ci) {
        int row = 0;
        int col = 0;
        for (int r = 0; r < h; r++) {
            if (Math.abs(im(h, r) - ci) < Math.abs(im(h, row) - ci)) {
                row = r;
            }
        }
        for (int k = 0; k < w; k++) {
            if (Math.abs(re(w, k) - cr) < Math.abs(re(w, col) - cr)) {
                col = k;
            }
        }
        return new int[] {row, col};
    }

    private static void assertMatchesScalarLoop(int h, int w, int maxit) {
        int[][] image = MandelbrotSetExample.mandelbrot(h, w, maxit);
        assertEquals(h, image.length);
        int inside = 0;
        int outside = 0;
        for (int r = 0; r < h; r++) {
            assertEquals(w, image[r].length);
            for (int k = 0; k < w; k++) {
                int expected = escapeTime(re(w, k), im(h, r), maxit);
                int row = r;
                int col = k;
                assertEquals(expected, image[r][k], () -> "cell (" + row + ", " + col + ") of " + h + "x" + w
                        + ", c = " + re(w, col) + " + " + im(h, row) + "i");
                if (expected == maxit) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertTrue(inside > 0 && outside > 0, "the grid holds points inside and outside the set");
    }

    @Test
    void the_image_has_h_rows_of_w_columns() {
        int[][] image = MandelbrotSetExample.mandelbrot(30, 40, 20);
        assertEquals(30, image.length);
        for (int[] row : image) {
            assertEquals(40, row.length);
        }
        assertEquals(0, MandelbrotSetExample.mandelbrot(0, 7, 20).length);
    }

    @Test
    void every_cell_is_the_escape_time_of_its_point_as_a_scalar_loop_computes_it() {
        assertMatchesScalarLoop(30, 40, 20);
        assertMatchesScalarLoop(41, 57, 50);
        assertMatchesScalarLoop(400, 400, 20);
    }

    @Test
    void a_point_inside_the_set_never_escapes() {
        int[] cell = nearest(400, 400, -0.5, 0);
        assertEquals(20, MandelbrotSetExample.mandelbrot(400, 400, 20)[cell[0]][cell[1]]);

        // 5 rows put y = 0 on row 2; 29 columns, 0.1 apart, put x = -0.5 on column 15 and x = 0 on 20.
        int[][] image = MandelbrotSetExample.mandelbrot(5, 29, 30);
        assertEquals(0.0, im(5, 2), 1e-12);
        assertEquals(-0.5, re(29, 15), 1e-12);
        assertEquals(0.0, re(29, 20), 1e-12);
        assertEquals(30, image[2][15], "c = -0.5");
        assertEquals(30, image[2][20], "c = 0");
    }

    @Test
    void a_point_far_outside_the_set_escapes_at_once() {
        int[][] image = MandelbrotSetExample.mandelbrot(400, 400, 20);
        int corner = escapeTime(-2, -1.4, 20);
        assertTrue(corner <= 1, "c = -2 - 1.4i escapes at iteration " + corner);
        assertEquals(corner, image[0][0], "c = -2 - 1.4i");
        assertEquals(escapeTime(0.8, 1.4, 20), image[399][399], "c = 0.8 + 1.4i");
        assertTrue(image[399][399] <= 1);
    }

    @Test
    void the_default_is_the_seeds_twenty_iterations() {
        assertArrayEquals(MandelbrotSetExample.mandelbrot(23, 31, 20), MandelbrotSetExample.mandelbrot(23, 31));
    }

    @Test
    void no_iterations_leave_every_cell_at_maxit() {
        for (int[] row : MandelbrotSetExample.mandelbrot(3, 4, 0)) {
            assertArrayEquals(new int[] {0, 0, 0, 0}, row);
        }
    }

    @Test
    void a_negative_size_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> MandelbrotSetExample.mandelbrot(-1, 4, 20));
        assertThrows(IllegalArgumentException.class, () -> MandelbrotSetExample.mandelbrot(4, -1, 20));
    }

    @Test
    void main_writes_the_400_by_400_image_as_a_png_coloured_with_viridis(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mandelbrot.png");
        MandelbrotSetExample.main(new String[] {file.toString()});

        BufferedImage png = ImageIO.read(file.toFile());
        assertNotNull(png, "a PNG ImageIO can read");
        assertEquals(400, png.getWidth());
        assertEquals(400, png.getHeight());

        int[][] image = MandelbrotSetExample.mandelbrot(400, 400);
        int[] inside = nearest(400, 400, -0.5, 0);
        assertEquals(VIRIDIS_HIGHEST, png.getRGB(inside[1], inside[0]) & 0xffffff, "the largest value");
        assertEquals(0, image[0][0]);
        assertEquals(VIRIDIS_LOWEST, png.getRGB(0, 0) & 0xffffff, "the smallest value");
        for (int r = 0; r < 400; r++) {
            for (int k = 0; k < 400; k++) {
                int rgb = png.getRGB(k, r) & 0xffffff;
                if (image[r][k] == 20) {
                    assertEquals(VIRIDIS_HIGHEST, rgb);
                } else if (image[r][k] == 0) {
                    assertEquals(VIRIDIS_LOWEST, rgb);
                } else {
                    assertTrue(rgb != VIRIDIS_HIGHEST && rgb != VIRIDIS_LOWEST);
                }
            }
        }
    }

    @Test
    void run_says_where_the_image_went_and_takes_h_w_and_maxit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.png");
        Output output = new Output();
        assertEquals(0, MandelbrotSetExample.run(new String[] {file.toString(), "3", "5", "7"}, output.out,
                output.err));
        assertEquals("", output.err());
        String out = output.out();
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains(file.toAbsolutePath().toString()), out);

        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(5, png.getWidth());
        assertEquals(3, png.getHeight());
    }

    @Test
    void run_rejects_bad_arguments_in_one_line_with_status_2(@TempDir Path dir) {
        String file = dir.resolve("never.png").toString();
        String[][] bad = {
            {file, "abc"},
            {file, "0"},
            {file, "10", "-3"},
            {file, "10", "10", "-1"},
            {file, "10", "10", "ten"},
            {file, "10", "10", "20", "extra"},
            {""},
            {file, "100000", "100000"},
        };
        for (String[] args : bad) {
            Output output = new Output();
            assertEquals(2, MandelbrotSetExample.run(args, output.out, output.err), String.join(" ", args));
            String err = output.err();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("MandelbrotSetExample: "), err);
            assertFalse(err.contains("Exception"), err);
            assertEquals("", output.out());
            assertFalse(Files.exists(Path.of(file)), "nothing written for " + String.join(" ", args));
        }
        Output output = new Output();
        MandelbrotSetExample.run(new String[] {file, "abc"}, output.out, output.err);
        assertTrue(output.err().contains("h must be a positive integer, got \"abc\""), output.err());
    }

    @Test
    void run_reports_a_file_it_cannot_write_with_status_1(@TempDir Path dir) {
        Path file = dir.resolve("missing").resolve("mandelbrot.png");
        Output output = new Output();
        assertEquals(1, MandelbrotSetExample.run(new String[] {file.toString(), "4", "4"}, output.out,
                output.err));
        String err = output.err();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(file.toString()), err);
        assertEquals("", output.out());
    }

    /** Two in-memory streams standing for standard output and standard error. */
    private static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}

package io.pikos.samples;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The seed's Mandelbrot set example, the program its usage page runs under a line memory monitor
 * focused on {@code mandelbrot}: an escape-time image of the Mandelbrot fractal computed with whole-array
 * arithmetic, the way the original does it with numpy.
 *
 * <p>{@link #mandelbrot(int, int, int)} is a line-for-line port: one Java line for each line of the
 * Python function's body, in the same order and with the same comments, so that a line monitor focused
 * on it walks the same sequence of lines as the seed's CSV sample. The private helpers below it play
 * numpy's role: {@code ComplexArray} is a two-dimensional complex array with numpy's broadcasting, an
 * {@code int[][]} is an integer array and a {@code boolean[][]} a boolean mask. They are plain code
 * rather than a library so that the sample depends on nothing but the JDK.
 *
 * <p>{@link #main(String[])} stands for {@code pylab.imshow(mandelbrot(400, 400)); pylab.show()}: it
 * writes the image as a PNG, coloured as {@code imshow} colours it by default.
 */
public final class MandelbrotSetExample {

    /** The seed's default number of iterations. */
    static final int DEFAULT_MAXIT = 20;

    /** The image size of the seed's {@code __main__} block, in both directions. */
    static final int DEFAULT_SIZE = 400;

    /** The image file written when no path is given, in the working directory. */
    static final String DEFAULT_OUTPUT = "mandelbrot.png";

    private static final String PROGRAM = "MandelbrotSetExample";
    private static final String USAGE = "usage: " + PROGRAM + " [output.png [h [w [maxit]]]]";

    /** The imaginary unit, {@code 1j}, as a 1×1 array that broadcasts against any shape. */
    private static final ComplexArray J = ComplexArray.scalar(0, 1);

    private MandelbrotSetExample() {
    }

    /**
     * Returns an image of the Mandelbrot fractal of size (h, w) after the seed's default of
     * 20 iterations.
     *
     * @param h the number of rows
     * @param w the number of columns
     * @return the escape times, as {@link #mandelbrot(int, int, int)} returns them
     * @throws IllegalArgumentException if {@code h} or {@code w} is negative
     */
    public static int[][] mandelbrot(int h, int w) {
        return mandelbrot(h, w, DEFAULT_MAXIT);
    }

    /**
     * Returns an image of the Mandelbrot fractal of size (h, w).
     *
     * <p>Row {@code r} and column {@code k} stand for the point {@code c = x[k] + y[r]i} of a grid
     * spanning -2 to 0.8 on the real axis and -1.4 to 1.4 on the imaginary one, both ends included.
     * Each point is iterated as {@code z = z*z + c} from {@code z = c}; its value is the first iteration
     * {@code i} (counted from 0) after which {@code |z|² > 4}, or {@code maxit} if that never happens
     * within {@code maxit} iterations, which marks the points taken to be in the set.
     *
     * <p>The body is the seed's, one Java line per Python line, in order: {@code y,x = ogrid[...]},
     * {@code c}, {@code z}, {@code divtime}, the loop and its five lines, then {@code return divtime}.
     *
     * @param h     the number of rows
     * @param w     the number of columns
     * @param maxit the number of iterations
     * @return a new {@code h}×{@code w} array of escape times, each from 0 to {@code maxit}
     * @throws IllegalArgumentException if {@code h} or {@code w} is negative, or {@code h*w} exceeds
     *                                  the largest array size
     */
    public static int[][] mandelbrot(int h, int w, int maxit) {
        ComplexArray y = ogrid(-1.4, 1.4, h, 0), x = ogrid(-2, 0.8, w, 1);
        ComplexArray c = x.plus(y.times(J));
        ComplexArray z = c;
        int[][] divtime = plus(maxit, zeros(z.shape()));

        for (int i = 0; i < maxit; i++) {
            z = z.pow(2).plus(c);
            boolean[][] diverge = z.times(conj(z)).greaterThan(2 * 2);   // who is diverging
            boolean[][] divNow = and(diverge, equal(divtime, maxit));  // who is diverging now
            put(divtime, divNow, i);                                   // note when
            z.put(diverge, 2);                                         // avoid diverging too much
        }

        return divtime;
    }

    /**
     * Writes {@code mandelbrot(h, w, maxit)} as a PNG and prints where it went.
     *
     * <p>Arguments, all optional, in order: the output file (default {@code mandelbrot.png} in the
     * working directory), {@code h} and {@code w} (default 400 each, as in the seed) and {@code maxit}
     * (default 20). The values are coloured as matplotlib's
     * {@code imshow} colours them by default: the viridis colormap stretched from the smallest value to
     * the largest, row 0 at the top. Invalid arguments are reported in one line on standard error with
     * exit status 2; a file that cannot be written, with exit status 1.
     *
     * @param args {@code [output.png [h [w [maxit]]]]}
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Does what {@link #main(String[])} does, printing to the given streams instead of the standard
     * ones and returning the exit status instead of exiting.
     *
     * @param args the command line, as {@link #main(String[])} takes it
     * @param out  where the line saying where the image went is printed
     * @param err  where a failure is reported, in one line
     * @return 0 on success, 1 if the image could not be written, 2 for invalid arguments
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(PROGRAM + ": " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        BufferedImage image;
        try {
            image = imshow(mandelbrot(options.h, options.w, options.maxit));
        } catch (OutOfMemoryError e) {
            err.println(PROGRAM + ": not enough memory for a " + options.h + "x" + options.w
                    + " image; give a smaller h and w, or the JVM a larger heap (-Xmx)");
            return 1;
        }
        try (OutputStream stream = Files.newOutputStream(options.output)) {
            if (!ImageIO.write(image, "png", stream)) {
                err.println(PROGRAM + ": cannot write " + options.output + ": no PNG writer in this JDK");
                return 1;
            }
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot write " + options.output + ": " + reason(e));
            return 1;
        }
        out.println("Wrote mandelbrot(" + options.h + ", " + options.w + ", " + options.maxit + ") as a "
                + options.w + "x" + options.h + " PNG to " + options.output.toAbsolutePath());
        return 0;
    }

    /** The command line, checked. */
    private static final class Options {
        final Path output;
        final int h;
        final int w;
        final int maxit;

        private Options(Path output, int h, int w, int maxit) {
            this.output = output;
            this.h = h;
            this.w = w;
            this.maxit = maxit;
        }

        static Options parse(String[] args) {
            if (args.length > 4) {
                throw new IllegalArgumentException("expected at most 4 arguments, got " + args.length);
            }
            String file = args.length > 0 ? args[0] : DEFAULT_OUTPUT;
            if (file.isEmpty()) {
                throw new IllegalArgumentException("the output path is empty");
            }
            Path output;
            try {
                output = Path.of(file);
            } catch (InvalidPathException e) {
                String message = "invalid output path \"" + file + "\": " + e.getReason();
                throw new IllegalArgumentException(message, e);
            }
            int h = args.length > 1 ? integer("h", args[1], 1) : DEFAULT_SIZE;
            int w = args.length > 2 ? integer("w", args[2], 1) : DEFAULT_SIZE;
            int maxit = args.length > 3 ? integer("maxit", args[3], 0) : DEFAULT_MAXIT;
            long cells = (long) h * w;
            if (cells > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("h*w = " + cells + " is more than an array can hold");
            }
            return new Options(output, h, w, maxit);
        }

        private static int integer(String name, String text, int least) {
            String expected = least == 0 ? "a non-negative integer" : "a positive integer";
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                String message = name + " must be " + expected + ", got \"" + text + "\"";
                throw new IllegalArgumentException(message, e);
            }
            if (value < least) {
                throw new IllegalArgumentException(name + " must be " + expected + ", got " + value);
            }
            return value;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------------------------------------
    // pylab's role: imshow with its defaults.

    /**
     * viridis, matplotlib's default colormap, sampled at nine evenly spaced points from 0 to 1 (lookup
     * table entries 0, 32, ..., 224 and 255), as 0xRRGGBB.
     */
    private static final int[] VIRIDIS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725,
    };

    /**
     * Colours an array as {@code imshow} does by default: values scaled linearly from the smallest
     * (0) to the largest (1), all 0 when they are equal, then mapped through viridis; row 0 at the top.
     */
    static BufferedImage imshow(int[][] data) {
        int rows = data.length;
        int cols = rows == 0 ? 0 : data[0].length;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int[] row : data) {
            for (int value : row) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        BufferedImage image = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                double t = max == min ? 0 : (data[r][k] - (double) min) / ((double) max - min);
                image.setRGB(k, r, viridis(t));
            }
        }
        return image;
    }

    /**
     * The viridis colour of {@code t} in [0, 1] as 0xRRGGBB: like matplotlib, {@code t} picks one of 256
     * table entries, here interpolated linearly between the nine {@link #VIRIDIS} samples.
     */
    static int viridis(double t) {
        int entry = Math.min(255, Math.max(0, (int) (t * 256)));
        double position = entry / 255.0 * (VIRIDIS.length - 1);
        int low = Math.min((int) position, VIRIDIS.length - 2);
        double f = position - low;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = VIRIDIS[low] >> shift & 0xff;
            int b = VIRIDIS[low + 1] >> shift & 0xff;
            rgb |= (int) Math.round(a + (b - a) * f) << shift;
        }
        return rgb;
    }

    // ---------------------------------------------------------------------------------------------
    // numpy's role: just enough of it for mandelbrot, with numpy's semantics.

    /**
     * One axis of {@code numpy.ogrid} with a complex step {@code n*1j}: {@code n} points from
     * {@code start} to {@code stop}, both included, computed as numpy computes them
     * ({@code k*step + start}, {@code step = (stop - start)/(n - 1)}). Axis 0 gives an n×1 column and
     * axis 1 a 1×n row, so that the two broadcast to a grid.
     */
    private static ComplexArray ogrid(double start, double stop, int n, int axis) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number of points: " + n);
        }
        double step = n == 1 ? 1 : (stop - start) / (n - 1);
        ComplexArray points = axis == 0 ? new ComplexArray(n, 1) : new ComplexArray(1, n);
        for (int k = 0; k < n; k++) {
            points.re[k] = k * step + start;
        }
        return points;
    }

    /** {@code numpy.zeros(shape, dtype=int)} for a two-dimensional shape. */
    private static int[][] zeros(int[] shape) {
        return new int[shape[0]][shape[1]];
    }

    /** {@code scalar + array} for an integer array: a new array. */
    private static int[][] plus(int scalar, int[][] array) {
        int[][] sum = new int[array.length][];
        for (int r = 0; r < array.length; r++) {
            sum[r] = new int[array[r].length];
            for (int k = 0; k < array[r].length; k++) {
                sum[r][k] = scalar + array[r][k];
            }
        }
        return sum;
    }

    /** {@code numpy.conj(array)}. */
    private static ComplexArray conj(ComplexArray array) {
        return array.conj();
    }

    /** {@code array == scalar} for an integer array: a new mask. */
    private static boolean[][] equal(int[][] array, int scalar) {
        boolean[][] mask = new boolean[array.length][];
        for (int r = 0; r < array.length; r++) {
            mask[r] = new boolean[array[r].length];
            for (int k = 0; k < array[r].length; k++) {
                mask[r][k] = array[r][k] == scalar;
            }
        }
        return mask;
    }

    /** {@code a & b} for two masks of the same shape: a new mask. */
    private static boolean[][] and(boolean[][] a, boolean[][] b) {
        requireSameShape(a.length, columns(a), b.length, columns(b));
        boolean[][] mask = new boolean[a.length][];
        for (int r = 0; r < a.length; r++) {
            mask[r] = new boolean[a[r].length];
            for (int k = 0; k < a[r].length; k++) {
                mask[r][k] = a[r][k] & b[r][k];
            }
        }
        return mask;
    }

    /** {@code array[mask] = value} for an integer array: sets, in place, the elements the mask selects. */
    private static void put(int[][] array, boolean[][] mask, int value) {
        requireSameShape(array.length, columns(array), mask.length, columns(mask));
        for (int r = 0; r < array.length; r++) {
            for (int k = 0; k < array[r].length; k++) {
                if (mask[r][k]) {
                    array[r][k] = value;
                }
            }
        }
    }

    private static int columns(int[][] array) {
        return array.length == 0 ? 0 : array[0].length;
    }

    private static int columns(boolean[][] array) {
        return array.length == 0 ? 0 : array[0].length;
    }

    /** Checks two shapes match; with no rows, the columns cannot differ (a Java int[0][] has no width). */
    private static void requireSameShape(int rows, int cols, int otherRows, int otherCols) {
        if (rows != otherRows || rows > 0 && cols != otherCols) {
            throw new IllegalArgumentException("shape mismatch: (" + rows + ", " + cols + ") and ("
                    + otherRows + ", " + otherCols + ")");
        }
    }

    /**
     * A two-dimensional array of complex doubles, stored row-major as separate real and imaginary
     * parts. Its operations return new arrays and broadcast as numpy does (a dimension of 1 stretches to
     * match the other operand); only {@link #put} changes an array, as numpy's masked assignment does.
     */
    private static final class ComplexArray {
        final int rows;
        final int cols;
        final double[] re;
        final double[] im;

        /** A rows×cols array of zeros. */
        ComplexArray(int rows, int cols) {
            int size = size(rows, cols);
            this.rows = rows;
            this.cols = cols;
            this.re = new double[size];
            this.im = new double[size];
        }

        /** A 1×1 array holding {@code re + im*1j}. */
        static ComplexArray scalar(double re, double im) {
            ComplexArray scalar = new ComplexArray(1, 1);
            scalar.re[0] = re;
            scalar.im[0] = im;
            return scalar;
        }

        private static int size(int rows, int cols) {
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException("negative dimension: (" + rows + ", " + cols + ")");
            }
            long size = (long) rows * cols;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("array too large: (" + rows + ", " + cols + ")");
            }
            return (int) size;
        }

        /** {@code array.shape}: {rows, cols}. */
        int[] shape() {
            return new int[] {rows, cols};
        }

        /** {@code this + other}, broadcast. */
        ComplexArray plus(ComplexArray other) {
            ComplexArray a = broadcastTo(other);
            ComplexArray b = other.broadcastTo(this);
            ComplexArray sum = new ComplexArray(a.rows, a.cols);
            for (int i = 0; i < sum.re.length; i++) {
                sum.re[i] = a.re[i] + b.re[i];
                sum.im[i] = a.im[i] + b.im[i];
            }
            return sum;
        }

        /** {@code this * other}, broadcast, with the schoolbook complex product numpy uses. */
        ComplexArray times(ComplexArray other) {
            ComplexArray a = broadcastTo(other);
            ComplexArray b = other.broadcastTo(this);
            ComplexArray product = new ComplexArray(a.rows, a.cols);
            for (int i = 0; i < product.re.length; i++) {
                product.re[i] = a.re[i] * b.re[i] - a.im[i] * b.im[i];
                product.im[i] = a.re[i] * b.im[i] + a.im[i] * b.re[i];
            }
            return product;
        }

        /**
         * {@code this ** exponent} for a positive integer exponent, by repeated multiplication; for 2
         * that is {@code this * this}, which is what numpy computes for {@code z**2}.
         */
        ComplexArray pow(int exponent) {
            if (exponent < 1) {
                throw new IllegalArgumentException("exponent must be positive, got " + exponent);
            }
            ComplexArray power = this;
            for (int k = 1; k < exponent; k++) {
                power = power.times(this);
            }
            return power;
        }

        /** {@code numpy.conj(this)}: a new array. */
        ComplexArray conj() {
            ComplexArray conjugate = new ComplexArray(rows, cols);
            System.arraycopy(re, 0, conjugate.re, 0, re.length);
            for (int i = 0; i < im.length; i++) {
                conjugate.im[i] = -im[i];
            }
            return conjugate;
        }

        /**
         * {@code this > bound}: a new mask. numpy orders complex numbers by real part, then by imaginary
         * part; a real bound has imaginary part 0.
         */
        boolean[][] greaterThan(double bound) {
            boolean[][] mask = new boolean[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    int i = r * cols + k;
                    mask[r][k] = re[i] > bound || re[i] == bound && im[i] > 0;
                }
            }
            return mask;
        }

        /** {@code this[mask] = value}: sets, in place, the elements the mask selects to a real value. */
        void put(boolean[][] mask, double value) {
            requireSameShape(rows, cols, mask.length, columns(mask));
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < cols; k++) {
                    if (mask[r][k]) {
                        re[r * cols + k] = value;
                        im[r * cols + k] = 0;
                    }
                }
            }
        }

        /** This array stretched to the shape it broadcasts to against {@code other}; itself if unchanged. */
        private ComplexArray broadcastTo(ComplexArray other) {
            int toRows = broadcast(rows, other.rows, other);
            int toCols = broadcast(cols, other.cols, other);
            if (toRows == rows && toCols == cols) {
                return this;
            }
            ComplexArray stretched = new ComplexArray(toRows, toCols);
            for (int r = 0; r < toRows; r++) {
                for (int k = 0; k < toCols; k++) {
                    int from = (rows == 1 ? 0 : r) * cols + (cols == 1 ? 0 : k);
                    stretched.re[r * toCols + k] = re[from];
                    stretched.im[r * toCols + k] = im[from];
                }
            }
            return stretched;
        }

        private int broadcast(int mine, int theirs, ComplexArray other) {
            if (mine == theirs || theirs == 1) {
                return mine;
            }
            if (mine == 1) {
                return theirs;
            }
            throw new IllegalArgumentException("operands could not be broadcast together with shapes ("
                    + rows + ", " + cols + ") (" + other.rows + ", " + other.cols + ")");
        }
    }
}

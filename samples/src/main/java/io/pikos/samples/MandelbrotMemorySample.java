package io.pikos.samples;

import io.pikos.monitors.Monitor;

import static io.pikos.api.Pikos.csvFile;
import static io.pikos.api.Pikos.memoryOnLines;

/**
 * The seed's investigation of its Mandelbrot example: the memory of the process before each line of
 * {@code mandelbrot} runs, into {@code monitor_records.csv}, as the seed's
 * {@code pikos-run line_memory mandelbrot_set_example.py --recording csv --focused-on=mandelbrot} does.
 * The example itself then writes its picture, {@code mandelbrot.png}.
 */
public final class MandelbrotMemorySample {

    private MandelbrotMemorySample() {
    }

    /**
     * Runs {@link MandelbrotSetExample#main} under a line memory monitor focused on
     * {@link MandelbrotSetExample#mandelbrot(int, int, int)}.
     *
     * @param args passed to {@link MandelbrotSetExample#main}
     */
    public static void main(String[] args) {
        try (Monitor monitor = memoryOnLines(csvFile(), "io.pikos.samples.MandelbrotSetExample.mandelbrot").enable()) {
            MandelbrotSetExample.main(args);
        }
        System.out.println("records in monitor_records.csv");
    }
}

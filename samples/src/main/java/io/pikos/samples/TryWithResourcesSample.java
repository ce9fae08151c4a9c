package io.pikos.samples;

import io.pikos.monitors.FunctionMemoryMonitor;
import io.pikos.monitors.Monitor;

import java.util.List;

import static io.pikos.api.Pikos.screen;

/** The seed's context-manager form, in Java: the monitor is enabled for a try-with-resources block. */
public final class TryWithResourcesSample {

    private TryWithResourcesSample() {
    }

    /**
     * Prints the function and memory records of one call of {@code Work.sumOfSquares}.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        int sum;
        try (Monitor monitor = new FunctionMemoryMonitor(screen()).enable()) {
            sum = Work.sumOfSquares(List.of(1, 2, 3));
        }
        System.out.println("sum = " + sum);
    }
}

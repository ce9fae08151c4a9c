package io.pikos.samples;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;

import java.util.List;

import static io.pikos.api.Pikos.screen;

/** The seed's first usage form: a monitor enabled and disabled around the monitored code. */
public final class EnableDisableSample {

    private EnableDisableSample() {
    }

    /**
     * Prints the function records of one call of {@code Work.sumOfSquares}.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Monitor monitor = new FunctionMonitor(screen());
        monitor.enable();

        int sum = Work.sumOfSquares(List.of(1, 2, 3));

        monitor.disable();
        System.out.println("sum = " + sum);
    }
}

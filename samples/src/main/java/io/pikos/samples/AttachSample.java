package io.pikos.samples;

import io.pikos.monitors.FunctionMonitor;
import io.pikos.monitors.Monitor;

import java.util.List;
import java.util.concurrent.Callable;

import static io.pikos.api.Pikos.screen;

/** The seed's decorator form: {@code attach} wraps code so that the monitor is on while it runs. */
public final class AttachSample {

    private AttachSample() {
    }

    /**
     * Prints the function records of a monitored {@code Callable}, then its result.
     *
     * @param args not used
     * @throws Exception never: the callable does not throw
     */
    public static void main(String[] args) throws Exception {
        Monitor monitor = new FunctionMonitor(screen());
        Callable<Integer> monitored = monitor.attach(() -> Work.sumOfSquares(List.of(4, 5)));
        System.out.println("sum = " + monitored.call());
    }
}

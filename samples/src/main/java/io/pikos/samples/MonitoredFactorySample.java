package io.pikos.samples;

import io.pikos.annotations.MonitorKind;
import io.pikos.annotations.Monitored;
import io.pikos.annotations.Recording;

import java.util.List;

/**
 * The seed's decorator-factory form: {@code @Monitored} makes one focused function monitor for the
 * method, recording into {@code monitor_records.csv}. Called three times, the method writes one
 * header and the records of all three calls.
 */
public final class MonitoredFactorySample {

    private MonitoredFactorySample() {
    }

    @Monitored(monitor = MonitorKind.FUNCTIONS, recording = Recording.CSV, focused = true)
    static int monitoredFunction(int n) {
        return Work.sumOfSquares(List.of(n, n + 1));
    }

    /**
     * Calls the monitored method three times; the records are in {@code monitor_records.csv}.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        int total = 0;
        for (int n = 1; n <= 3; n++) {
            total += monitoredFunction(n);
        }
        System.out.println("total = " + total + "; records in monitor_records.csv");
    }
}

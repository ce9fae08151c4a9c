package io.pikos.benchmarks.moobench;

import java.util.List;

/**
 * All the JVM runs of one case, pooled.
 *
 * @param benchCase the case
 * @param runs      each run's result, in order
 */
public record CaseSummary(Case benchCase, List<CaseResult> runs) {

    /** @return every measured call of every run, per monitored call, as one sample */
    public Statistics perMonitoredCall() {
        return Statistics.pool(runs.stream().map(CaseResult::perMonitoredCall).toList());
    }

    /** @return the records per outer call the runs reported (the first that knows), or {@code NaN} */
    public double recordsPerCall() {
        return runs.stream().mapToDouble(CaseResult::recordsPerCall).filter(r -> !Double.isNaN(r)).findFirst()
                .orElse(Double.NaN);
    }
}

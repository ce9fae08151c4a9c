package io.pikos.benchmarks.moobench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** Formats the harness' results as markdown tables. */
public final class ResultTable {

    private ResultTable() {
    }

    /**
     * The main table: one row per case, its mean ns per monitored call, its ratio to {@code baseline} and
     * to {@code kieker-no-writer}, and the 95 % confidence interval of its mean.
     *
     * @param summaries the cases, in table order
     * @return the table, one line per row, each ended by {@code \n}
     */
    public static String main(List<CaseSummary> summaries) {
        Optional<Statistics> baseline = find(summaries, Case.BASELINE);
        Optional<Statistics> kieker = find(summaries, Case.KIEKER_NO_WRITER);
        StringBuilder table = new StringBuilder()
                .append("| case | ns per monitored call | ratio to baseline | ratio to kieker-no-writer | 95 % CI (ns) |\n")
                .append("| --- | ---: | ---: | ---: | --- |\n");
        for (CaseSummary summary : summaries) {
            Statistics s = summary.perMonitoredCall();
            double half = s.ci95HalfWidth();
            table.append("| ").append(summary.benchCase().caseName())
                    .append(" | ").append(ns(s.mean()))
                    .append(" | ").append(ratio(s, baseline))
                    .append(" | ").append(ratio(s, kieker))
                    .append(" | ").append(ns(s.mean() - half)).append(" – ").append(ns(s.mean() + half))
                    .append(" |\n");
        }
        return table.toString();
    }

    /**
     * The details: per-run means, medians, records per call, the cost per record over the baseline, the
     * collector's work while measuring, and what each configuration was.
     *
     * @param summaries the cases, in table order
     * @return the table
     */
    public static String details(List<CaseSummary> summaries) {
        Optional<Statistics> baseline = find(summaries, Case.BASELINE);
        StringBuilder table = new StringBuilder()
                .append("| case | mean per run (ns per monitored call) | median per run | records per outer call"
                        + " | ns per record over baseline | GC while measuring (count, ms) | JVM wall time (s) | notes |\n")
                .append("| --- | --- | --- | ---: | ---: | --- | --- | --- |\n");
        for (CaseSummary summary : summaries) {
            StringJoiner means = new StringJoiner(", ");
            StringJoiner medians = new StringJoiner(", ");
            StringJoiner gc = new StringJoiner(", ");
            StringJoiner wall = new StringJoiner(", ");
            for (CaseResult run : summary.runs()) {
                means.add(ns(run.perMonitoredCall().mean()));
                medians.add(ns(run.perMonitoredCall().median()));
                gc.add(run.gcCount() + " / " + run.gcMillis());
                wall.add(String.format(Locale.ROOT, "%.1f", run.wallMillis() / 1000.0));
            }
            double records = summary.recordsPerCall();
            String perRecord = "–";
            if (!Double.isNaN(records) && records > 0 && baseline.isPresent()
                    && summary.benchCase() != Case.BASELINE) {
                int depth = summary.runs().get(0).depth();
                double overOuter = (summary.perMonitoredCall().mean() - baseline.get().mean()) * depth;
                perRecord = ns(overOuter / records);
            }
            table.append("| ").append(summary.benchCase().caseName())
                    .append(" | ").append(means)
                    .append(" | ").append(medians)
                    .append(" | ").append(Double.isNaN(records) ? "–" : String.format(Locale.ROOT, "%.2f", records))
                    .append(" | ").append(perRecord)
                    .append(" | ").append(gc)
                    .append(" | ").append(wall)
                    .append(" | ").append(summary.runs().get(0).notes().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static Optional<Statistics> find(List<CaseSummary> summaries, Case c) {
        return summaries.stream().filter(s -> s.benchCase() == c).findFirst().map(CaseSummary::perMonitoredCall);
    }

    private static String ratio(Statistics s, Optional<Statistics> reference) {
        return reference.map(r -> String.format(Locale.ROOT, "%.2f", s.mean() / r.mean())).orElse("–");
    }

    static String ns(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

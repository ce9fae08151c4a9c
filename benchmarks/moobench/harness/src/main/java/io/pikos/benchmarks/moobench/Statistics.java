package io.pikos.benchmarks.moobench;

import java.util.Arrays;
import java.util.List;

/**
 * The mean of a sample of durations, its spread and the 95 % confidence interval of the mean, as
 * MooBench reports them: the interval is {@code mean ± 1.96 · s / √n} over every measured call (the
 * normal approximation, which the t distribution equals to four digits at the sample sizes used here).
 * Immutable.
 *
 * @param count    the number of durations
 * @param mean     their mean
 * @param m2       the sum of squared deviations from the mean (Welford's M2)
 * @param median   their median, or {@code NaN} for a pooled sample
 */
public record Statistics(long count, double mean, double m2, double median) {

    /** The 97.5 % quantile of the standard normal distribution. */
    static final double Z_975 = 1.959963984540054;

    /**
     * Summarises part of an array of durations.
     *
     * @param durations the durations, in nanoseconds
     * @param from      the first index to include
     * @param to        the index after the last to include
     * @return the statistics of {@code durations[from..to)}
     * @throws IllegalArgumentException if the range holds fewer than two durations
     */
    public static Statistics of(long[] durations, int from, int to) {
        if (to - from < 2) {
            throw new IllegalArgumentException("need at least two durations, got " + (to - from));
        }
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (int i = from; i < to; i++) {
            n++;
            double delta = durations[i] - mean;
            mean += delta / n;
            m2 += delta * (durations[i] - mean);
        }
        long[] sorted = Arrays.copyOfRange(durations, from, to);
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return new Statistics(n, mean, m2, median);
    }

    /**
     * Pools samples as if all their durations were one sample (Chan et al.'s parallel formula).
     *
     * @param samples at least one sample
     * @return the statistics of the union; the median is {@code NaN} unless there is one sample
     */
    public static Statistics pool(List<Statistics> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        if (samples.size() == 1) {
            return samples.get(0);
        }
        long n = 0;
        double mean = 0;
        double m2 = 0;
        for (Statistics s : samples) {
            long total = n + s.count;
            double delta = s.mean - mean;
            mean += delta * s.count / total;
            m2 += s.m2 + delta * delta * ((double) n * s.count / total);
            n = total;
        }
        return new Statistics(n, mean, m2, Double.NaN);
    }

    /** @return the sample standard deviation */
    public double standardDeviation() {
        return Math.sqrt(m2 / (count - 1));
    }

    /** @return half the width of the 95 % confidence interval of the mean */
    public double ci95HalfWidth() {
        return Z_975 * standardDeviation() / Math.sqrt(count);
    }

    /**
     * Scales every figure, for example from per outer call to per monitored call.
     *
     * @param divisor what to divide by
     * @return the statistics of the durations divided by {@code divisor}
     */
    public Statistics dividedBy(double divisor) {
        return new Statistics(count, mean / divisor, m2 / (divisor * divisor), median / divisor);
    }
}

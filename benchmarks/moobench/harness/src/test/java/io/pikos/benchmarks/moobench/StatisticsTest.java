package io.pikos.benchmarks.moobench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatisticsTest {

    @Test
    void mean_deviation_median_and_interval_of_a_small_sample() {
        long[] durations = {100, 1, 2, 3, 4, 100};
        Statistics s = Statistics.of(durations, 1, 5); // 1, 2, 3, 4
        assertEquals(4, s.count());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.standardDeviation(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(1.959963984540054 * Math.sqrt(5.0 / 3) / 2, s.ci95HalfWidth(), 1e-12);
    }

    @Test
    void pooled_samples_equal_one_sample_of_all_durations() {
        Random random = new Random(7);
        long[] all = new long[3000];
        for (int i = 0; i < all.length; i++) {
            all[i] = 50 + random.nextInt(1000);
        }
        Statistics whole = Statistics.of(all, 0, all.length);
        Statistics pooled = Statistics.pool(List.of(Statistics.of(all, 0, 1000), Statistics.of(all, 1000, 1700),
                Statistics.of(all, 1700, 3000)));
        assertEquals(whole.count(), pooled.count());
        assertEquals(whole.mean(), pooled.mean(), 1e-9);
        assertEquals(whole.standardDeviation(), pooled.standardDeviation(), 1e-9);
    }

    @Test
    void dividing_scales_mean_deviation_and_interval() {
        Statistics s = Statistics.of(new long[] {10, 20, 30, 40}, 0, 4).dividedBy(10);
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Statistics.of(new long[] {1, 2, 3, 4}, 0, 4).ci95HalfWidth(), s.ci95HalfWidth(), 1e-12);
    }

    @Test
    void one_duration_is_not_a_sample() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.of(new long[] {1}, 0, 1));
    }
}

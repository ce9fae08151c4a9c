package io.pikos.benchmarks;

import io.pikos.benchmarks.woven.WovenTarget;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the comparison the benchmark makes: one target woven, the other and the benchmark not. */
class WeavingTest {

    @Test
    void woven_target_carries_the_aspectj_join_points() {
        assertTrue(woven(WovenTarget.class), "WovenTarget was not woven: ajc did not run after javac");
    }

    @Test
    void unwoven_target_and_benchmark_are_not_woven() {
        assertFalse(woven(UnwovenTarget.class));
        assertFalse(woven(MethodHooksBenchmark.class));
    }

    @Test
    void woven_and_unwoven_targets_compute_the_same() {
        assertEquals(UnwovenTarget.add(17, 25), WovenTarget.add(17, 25));
    }

    private static boolean woven(Class<?> type) {
        Field[] fields = type.getDeclaredFields();
        return Arrays.stream(fields).anyMatch(field -> field.getName().startsWith("ajc$tjp_"));
    }
}

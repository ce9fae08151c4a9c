package io.pikos.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessMemoryTest {

    private static final long FEW_MIB = 8L << 20;

    @Test
    void memory_is_positive_and_vms_is_not_below_rss() {
        long[] sample = new long[2];
        ProcessMemory.system().sample(sample);
        assertTrue(sample[0] > 0, "RSS " + sample[0]);
        assertTrue(sample[1] >= sample[0], "VMS " + sample[1] + " < RSS " + sample[0]);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void linux_fast_path_and_oshi_agree_within_a_few_mib() {
        ProcessMemory linux = ProcessMemory.linux();
        assertNotNull(linux, "/proc/self/statm should be readable on Linux");
        ProcessMemory oshi = ProcessMemory.oshi();
        long[] fast = new long[2];
        long[] slow = new long[2];
        oshi.sample(slow); // warm OSHI up first, so that loading it does not grow the process between samples
        linux.sample(fast);
        oshi.sample(slow);
        assertTrue(Math.abs(fast[0] - slow[0]) < FEW_MIB, "RSS: statm " + fast[0] + " vs OSHI " + slow[0]);
        assertTrue(Math.abs(fast[1] - slow[1]) < FEW_MIB, "VMS: statm " + fast[1] + " vs OSHI " + slow[1]);
    }
}

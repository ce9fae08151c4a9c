package io.pikos.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void without_oshi_on_the_classpath_oshi_memory_is_refused_with_the_artifact_to_add() throws Exception {
        // pikos' runtime classes alone, as an application that does not depend on OSHI loads them.
        URL runtime = ProcessMemory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutOshi = new URLClassLoader(new URL[] {runtime}, ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = withoutOshi.loadClass(ProcessMemory.class.getName());
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> isolated.getMethod("oshi").invoke(null));
            assertInstanceOf(UnsupportedOperationException.class, e.getCause());
            assertEquals("memory monitors need /proc/self/statm (Linux) or OSHI: add com.github.oshi:oshi-core to "
                    + "the application's dependencies", e.getCause().getMessage());
        }
    }
}

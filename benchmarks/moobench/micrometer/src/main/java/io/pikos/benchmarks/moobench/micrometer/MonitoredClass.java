package io.pikos.benchmarks.moobench.micrometer;

import io.micrometer.core.annotation.Timed;
import io.pikos.benchmarks.moobench.MonitoredTarget;

/**
 * The target of the harness. Every copy of this file (one per monitoring tool, each in its own module)
 * differs from the others only in its package and in the annotations the tool reads; the checks module
 * fails the build otherwise.
 */
public final class MonitoredClass implements MonitoredTarget {

    @Timed
    @Override
    public long monitoredMethod(long methodTime, int recursionDepth) {
        if (recursionDepth > 1) {
            return monitoredMethod(methodTime, recursionDepth - 1);
        }
        long exitTime = System.nanoTime() + methodTime;
        long currentTime;
        do {
            currentTime = System.nanoTime();
        } while (currentTime < exitTime);
        return currentTime;
    }
}

package io.pikos.benchmarks.moobench.configurations;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pikos.benchmarks.moobench.Configuration;

/**
 * Micrometer's {@code @Timed}: woven at build time, {@code TimedAspect} is made by AspectJ with its
 * no-argument constructor, which records into {@link Metrics#globalRegistry}; a {@link SimpleMeterRegistry}
 * is added to it here, as an application without Spring would.
 */
public final class MicrometerTimed implements Configuration {

    private SimpleMeterRegistry registry;
    private String notes = "";

    @Override
    public void start() {
        registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
    }

    @Override
    public double stop(long calls, long lastBatchCalls) {
        Timer timer = registry.find("method.timed").timer();
        long count = timer == null ? 0 : timer.count();
        notes = "TimedAspect into Metrics.globalRegistry with one SimpleMeterRegistry; timer method.timed"
                + (timer == null ? " missing" : " " + timer.getId().getTags());
        return (double) count / calls;
    }

    @Override
    public String notes() {
        return notes;
    }
}

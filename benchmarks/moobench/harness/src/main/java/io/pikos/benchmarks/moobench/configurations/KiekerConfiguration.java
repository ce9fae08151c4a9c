package io.pikos.benchmarks.moobench.configurations;

import io.pikos.benchmarks.moobench.Configuration;
import kieker.monitoring.core.controller.IMonitoringController;
import kieker.monitoring.core.controller.MonitoringController;

/**
 * Kieker, configured by the system properties of the case (see {@code Case}): starts Kieker's monitoring
 * controller before the first call (the probe would start it on the first call otherwise) and terminates
 * it, flushing its writer, after the last.
 */
public final class KiekerConfiguration implements Configuration {

    private String notes = "";

    @Override
    public void start() {
        IMonitoringController controller = MonitoringController.getInstance();
        notes = "Kieker " + kieker.common.util.Version.getVERSION() + ", monitoring "
                + (controller.isMonitoringEnabled() ? "enabled" : "disabled") + ", writer "
                + System.getProperty("kieker.monitoring.writer") + ", queue "
                + System.getProperty("kieker.monitoring.core.controller.WriterController.RecordQueueFQN",
                "default");
    }

    @Override
    public double stop(long calls, long lastBatchCalls) {
        IMonitoringController controller = MonitoringController.getInstance();
        controller.terminateMonitoring();
        try {
            controller.waitForTermination(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Double.NaN;
    }

    @Override
    public String notes() {
        return notes;
    }
}

package io.pikos.benchmarks.moobench.configurations;

import io.pikos.benchmarks.moobench.Configuration;

/** Does nothing around the calls: the baseline, and pikos woven with no monitor enabled. */
public final class NoConfiguration implements Configuration {
}

/**
 * The baseline copy of the target: plain javac, no hooks, no probes.
 */
package io.pikos.benchmarks.moobench.baseline;

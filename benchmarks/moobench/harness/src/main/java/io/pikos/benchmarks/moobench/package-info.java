/**
 * A MooBench-style harness: a recursive target, a driver that times it in a fresh JVM per case, and the
 * launcher ({@link io.pikos.benchmarks.moobench.BenchCommand}) that runs every case and prints the table.
 */
package io.pikos.benchmarks.moobench;

/**
 * What each case of the harness does around the timed calls.
 */
package io.pikos.benchmarks.moobench.configurations;

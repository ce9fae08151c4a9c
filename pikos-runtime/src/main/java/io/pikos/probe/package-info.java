/**
 * What woven code calls: {@link io.pikos.probe.Probes}, the entry points, and
 * {@link io.pikos.probe.Sites}, the table of methods, calls and lines that build-time code registers
 * into. Application code does not use this package directly.
 */
package io.pikos.probe;

package io.pikos.internal.memory;

import java.io.IOException;

/** Reads the process's resident and virtual memory sizes. Implementations need not be thread-safe. */
public interface MemorySource {

    /**
     * Reads both sizes, in bytes, into {@code into[0]} (RSS) and {@code into[1]} (VMS).
     *
     * @param into an array of at least two elements
     * @throws IOException if the operating system cannot be read
     */
    void sample(long[] into) throws IOException;
}

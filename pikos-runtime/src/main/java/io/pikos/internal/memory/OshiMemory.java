package io.pikos.internal.memory;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;

import java.io.IOException;

/**
 * OSHI's view of the current process, for systems without {@code /proc}. OSHI (and JNA under it) is
 * loaded only when this class is, that is when a memory monitor is enabled on such a system.
 */
public final class OshiMemory implements MemorySource {

    private final OSProcess process;

    /** Finds the current process through OSHI. */
    public OshiMemory() {
        this.process = new SystemInfo().getOperatingSystem().getCurrentProcess();
    }

    @Override
    public void sample(long[] into) throws IOException {
        if (!process.updateAttributes()) {
            throw new IOException("OSHI cannot read the memory of process " + process.getProcessID());
        }
        into[0] = process.getResidentSetSize();
        into[1] = process.getVirtualSize();
    }
}

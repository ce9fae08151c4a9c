package io.pikos.internal.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Linux's {@code /proc/self/statm}, read in place: the file stays open, each sample is one positional
 * read into a direct buffer allocated once, and the numbers are parsed from its bytes, so sampling
 * allocates nothing. The file gives sizes in pages; the page size is found once, at open, by
 * comparing it with {@code /proc/self/status}, which gives the same size in kB.
 */
public final class StatmMemory implements MemorySource {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path STATUS = Path.of("/proc/self/status");

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(256);
    private final long pageSize;
    private final long[] pages = new long[2];

    private StatmMemory(FileChannel channel, long pageSize) {
        this.channel = channel;
        this.pageSize = pageSize;
    }

    /**
     * Opens {@code /proc/self/statm}.
     *
     * @return the source
     * @throws IOException if the file is not there (not Linux) or cannot be read
     */
    public static StatmMemory open() throws IOException {
        FileChannel channel = FileChannel.open(STATM, StandardOpenOption.READ);
        StatmMemory memory = new StatmMemory(channel, 1);
        memory.sample(memory.pages);
        long vmSizeKb = statusKb("VmSize:");
        long pageSize = 4096;
        if (vmSizeKb > 0 && memory.pages[1] > 0) {
            // Round to a power of two: VmSize and statm are read a moment apart.
            pageSize = Long.highestOneBit(Math.round(vmSizeKb * 1024.0 / memory.pages[1]) * 3 / 2);
        }
        return new StatmMemory(channel, pageSize);
    }

    @Override
    public void sample(long[] into) throws IOException {
        buffer.clear();
        int read = channel.read(buffer, 0);
        if (read <= 0) {
            throw new IOException("empty read from " + STATM);
        }
        // Fields: size resident shared text lib data dt, in pages.
        int at = 0;
        long vmsPages = 0;
        while (at < read && buffer.get(at) != ' ') {
            vmsPages = vmsPages * 10 + (buffer.get(at++) - '0');
        }
        at++;
        long rssPages = 0;
        while (at < read && buffer.get(at) != ' ') {
            rssPages = rssPages * 10 + (buffer.get(at++) - '0');
        }
        into[0] = rssPages * pageSize;
        into[1] = vmsPages * pageSize;
    }

    private static long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        return -1;
    }
}

package io.pikos.benchmarks.moobench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one JVM run of one case reported: the result line of {@link Driver}, parsed.
 *
 * @param caseName       the case
 * @param perOuterCall   the statistics of the measured outer calls, in nanoseconds
 * @param depth          the recursion depth: monitored calls per outer call
 * @param recordsPerCall records (or timer samples) per outer call, {@code NaN} if unknown
 * @param gcCount        collections during the measured half
 * @param gcMillis       milliseconds of collection during the measured half
 * @param notes          the configuration's description
 * @param wallMillis     how long the JVM ran, start to exit
 */
public record CaseResult(String caseName, Statistics perOuterCall, int depth, double recordsPerCall, long gcCount,
                         long gcMillis, String notes, long wallMillis) {

    /**
     * Parses a result line.
     *
     * @param line       a line that starts with {@link Driver#RESULT_PREFIX}
     * @param wallMillis how long the JVM ran
     * @return the result
     * @throws IllegalArgumentException if the line is not a result line
     */
    public static CaseResult parse(String line, long wallMillis) {
        if (!line.startsWith(Driver.RESULT_PREFIX + " ")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String rest = line.substring(Driver.RESULT_PREFIX.length() + 1);
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            String key = rest.substring(0, eq);
            if (key.equals("notes")) {
                fields.put(key, rest.substring(eq + 1));
                break;
            }
            int space = rest.indexOf(' ', eq);
            fields.put(key, space < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, space));
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        try {
            Statistics statistics = new Statistics(Long.parseLong(fields.get("count")),
                    Double.parseDouble(fields.get("mean")), Double.parseDouble(fields.get("m2")),
                    Double.parseDouble(fields.get("median")));
            return new CaseResult(fields.get("case"), statistics, Integer.parseInt(fields.get("depth")),
                    Double.parseDouble(fields.get("recordsPerCall")), Long.parseLong(fields.get("gcCount")),
                    Long.parseLong(fields.get("gcMillis")), fields.getOrDefault("notes", ""), wallMillis);
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("not a result line: " + line, e);
        }
    }

    /** @return the statistics per monitored call: per outer call divided by the depth */
    public Statistics perMonitoredCall() {
        return perOuterCall.dividedBy(depth);
    }
}

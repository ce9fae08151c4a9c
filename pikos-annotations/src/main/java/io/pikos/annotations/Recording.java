package io.pikos.annotations;

/**
 * Where the records of a {@link Monitored} method go, as the command line's {@code --recording}.
 */
public enum Recording {
    /** Formatted text on standard output, flushed after each record. */
    SCREEN("screen", null),
    /** Formatted text in a file, {@code monitor_records.log} by default. */
    TEXT("text", "monitor_records.log"),
    /** CSV in a file, {@code monitor_records.csv} by default. */
    CSV("csv", "monitor_records.csv"),
    /** JDK Flight Recorder events, dumped to {@code monitor_records.jfr} by default. */
    JFR("jfr", "monitor_records.jfr");

    private final String commandName;
    private final String defaultOutput;

    Recording(String commandName, String defaultOutput) {
        this.commandName = commandName;
        this.defaultOutput = defaultOutput;
    }

    /**
     * Returns the word that names this recording on the command line.
     *
     * @return for example {@code "csv"}
     */
    public String commandName() {
        return commandName;
    }

    /**
     * Returns the file this recording writes when no output is given.
     *
     * @return the default file name, or {@code null} for {@link #SCREEN}, which writes to standard output
     */
    public String defaultOutput() {
        return defaultOutput;
    }

    /**
     * Looks a recording up by its command-line word.
     *
     * @param commandName for example {@code "csv"}
     * @return the recording
     * @throws IllegalArgumentException if no recording has that name; the message lists the valid names
     */
    public static Recording fromCommandName(String commandName) {
        for (Recording recording : values()) {
            if (recording.commandName.equals(commandName)) {
                return recording;
            }
        }
        throw new IllegalArgumentException("unknown recording '" + commandName
                + "' (expected one of screen, text, csv, jfr)");
    }
}

package io.pikos.annotations;

/**
 * The standard monitors, as named by the seed's decorator factories and by {@code pikos-run}.
 */
public enum MonitorKind {
    /** Every call and return of methods: {@code FunctionMonitor}, the command line's {@code functions}. */
    FUNCTIONS("functions"),
    /** Every source line about to execute: {@code LineMonitor}, the command line's {@code lines}. */
    LINES("lines"),
    /** Calls and returns with the process memory: {@code FunctionMemoryMonitor}, {@code function_memory}. */
    FUNCTION_MEMORY("function_memory"),
    /** Lines with the process memory: {@code LineMemoryMonitor}, {@code line_memory}. */
    LINE_MEMORY("line_memory");

    private final String commandName;

    MonitorKind(String commandName) {
        this.commandName = commandName;
    }

    /**
     * Returns the word that names this monitor on the command line and in {@code -Dpikos.monitor}.
     *
     * @return for example {@code "line_memory"}
     */
    public String commandName() {
        return commandName;
    }

    /**
     * Looks a monitor up by its command-line word.
     *
     * @param commandName for example {@code "functions"}
     * @return the monitor kind
     * @throws IllegalArgumentException if no monitor has that name; the message lists the valid names
     */
    public static MonitorKind fromCommandName(String commandName) {
        for (MonitorKind kind : values()) {
            if (kind.commandName.equals(commandName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown monitor '" + commandName
                + "' (expected one of functions, line_memory, lines, function_memory)");
    }
}

package io.pikos.recorders;

/**
 * Thrown when a recorder is used out of order (recording before it is prepared) or cannot store
 * records (its file cannot be opened or written).
 */
public class RecorderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public RecorderException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure, usually an {@link java.io.IOException}
     */
    public RecorderException(String message, Throwable cause) {
        super(message, cause);
    }
}

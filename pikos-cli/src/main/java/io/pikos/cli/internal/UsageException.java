package io.pikos.cli.internal;

/** A mistake in what the user asked for, found before the program starts: one line, exit status 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, as the one line the user sees */
    public UsageException(String message) {
        super(message);
    }
}

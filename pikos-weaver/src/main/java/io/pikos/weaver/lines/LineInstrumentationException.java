package io.pikos.weaver.lines;

/**
 * A class file that the line pass cannot instrument: it is malformed, already instrumented, or a
 * method would exceed the JVM's limits with probes. The message names the class (and the method,
 * where one is at fault) and says what is wrong; nothing was written.
 */
public class LineInstrumentationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String className;

    /**
     * @param className the class's binary name with dots, or a description of the input if the class
     *                  file is too broken to name one
     * @param message   what is wrong, starting with the class's name
     * @param cause     the underlying failure, or null
     */
    public LineInstrumentationException(String className, String message, Throwable cause) {
        super(message, cause);
        this.className = className;
    }

    /** @return the class's binary name with dots, as far as it could be read */
    public String className() {
        return className;
    }

    /** A class that already carries line probes: instrumenting it twice would report every line twice. */
    public static final class AlreadyInstrumented extends LineInstrumentationException {

        private static final long serialVersionUID = 1L;

        /** @param className the class's binary name with dots */
        public AlreadyInstrumented(String className) {
            super(className, className + ": already instrumented with pikos line probes; instrument the "
                    + "compiler's class file instead", null);
        }
    }
}

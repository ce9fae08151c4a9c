package io.pikos.probe;

/**
 * A call from woven code into code that is not woven (the JDK, a library), reported as the seed's
 * {@code c_call}, {@code c_return} and {@code c_exception}. Thread-safe.
 */
public final class CallOutSite {

    private final int id;
    private final MethodSite caller;
    private final String callee;
    private final int line;

    CallOutSite(int id, MethodSite caller, String callee, int line) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.line = line;
    }

    /** @return the id woven code passes to {@link Probes} for this call */
    public int id() {
        return id;
    }

    /** @return the woven method the call is made from */
    public MethodSite caller() {
        return caller;
    }

    /** @return the simple name of the method called */
    public String callee() {
        return callee;
    }

    /** @return the line of the call in the caller's source */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return caller + ":" + line + " -> " + callee;
    }
}

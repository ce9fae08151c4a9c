package io.pikos.internal.dispatch;

/** The seed's event names for method records, in the {@code type} column. */
public enum FunctionEvent {
    CALL("call"), RETURN("return"), EXCEPTION("exception"),
    C_CALL("c_call"), C_RETURN("c_return"), C_EXCEPTION("c_exception");

    private final String text;

    FunctionEvent(String text) {
        this.text = text;
    }

    /** @return the name written in records, for example {@code c_call} */
    public String text() {
        return text;
    }

    /** @return whether this event enters a method, as opposed to leaving one */
    public boolean isEntry() {
        return this == CALL || this == C_CALL;
    }

    /** @return whether this is an event of a call into code that is not woven ({@code c_*}) */
    public boolean isCallOut() {
        return this == C_CALL || this == C_RETURN || this == C_EXCEPTION;
    }
}

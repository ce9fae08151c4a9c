package io.pikos.internal.dispatch;

/**
 * What the dispatcher keeps per thread: whether the thread is already dispatching an event, and one
 * slot in which a monitor keeps its state for the thread at hand, without a thread-local lookup of
 * its own. Used only by its thread.
 */
public final class ProbeThread {

    private boolean dispatching;
    private Object slotOwner;
    private Object slot;

    ProbeThread() {
    }

    /**
     * Returns what {@code owner} last put in the slot, if the slot is still its own.
     *
     * @param owner the object that uses the slot
     * @return the value, or {@code null} if another owner has used the slot since
     */
    public Object slot(Object owner) {
        return slotOwner == owner ? slot : null;
    }

    /**
     * Puts a value in the slot, for {@code owner}, replacing whatever another owner had there.
     *
     * @param owner the object that uses the slot
     * @param value the value
     */
    public void putSlot(Object owner, Object value) {
        slotOwner = owner;
        slot = value;
    }

    /** Enters dispatching; returns {@code false}, doing nothing, if the thread already is. */
    boolean enter() {
        if (dispatching) {
            return false;
        }
        dispatching = true;
        return true;
    }

    void exit() {
        dispatching = false;
    }
}

package io.pikos.monitors;

import io.pikos.recorders.Recorder;

import java.util.ArrayList;
import java.util.List;

/** Logs every call it receives, so that tests can assert the recorder life cycle a monitor drives. */
final class CountingRecorder implements Recorder<Object> {

    final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void prepare(Class<?> recordType) {
        calls.add("prepare " + recordType.getSimpleName());
    }

    @Override
    public synchronized void record(Object record) {
        calls.add("record");
    }

    @Override
    public synchronized void finish() {
        calls.add("finish");
    }
}

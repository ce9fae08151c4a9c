package io.pikos.internal.records;

import io.pikos.internal.dispatch.FunctionEvent;
import io.pikos.probe.ProbeFixture;
import io.pikos.probe.Sites;
import io.pikos.records.MonitorRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch format: events of one int and of three (a method event with its own line) mixed at random
 * read back as the records they stand for, at the right index, whichever form each took.
 */
class RecordBatchTest {

    @Test
    void mixed_short_and_long_events_read_back_as_their_records_in_order() {
        Random random = new Random(7);
        int[] events = new int[3 * 1_000];
        int end = 0;
        List<MonitorRecord> expected = new ArrayList<>();
        long firstIndex = 41;
        for (int i = 0; i < 1_000; i++) {
            long index = firstIndex + i;
            switch (random.nextInt(3)) {
                case 0 -> { // a method event, with its own line half the time
                    FunctionEvent event = List.of(FunctionEvent.CALL, FunctionEvent.RETURN, FunctionEvent.EXCEPTION)
                            .get(random.nextInt(3));
                    int lineNo = random.nextBoolean() ? 0 : 1 + random.nextInt(65_535);
                    end = RecordBatch.write(events, end, event.ordinal(), ProbeFixture.INNER, lineNo);
                    expected.add(SiteRecords.of(index, event, Sites.method(ProbeFixture.INNER), lineNo, null));
                }
                case 1 -> {
                    FunctionEvent event = random.nextBoolean() ? FunctionEvent.C_CALL : FunctionEvent.C_RETURN;
                    end = RecordBatch.write(events, end, event.ordinal(), ProbeFixture.SQRT, 0);
                    expected.add(SiteRecords.of(index, event, Sites.callOut(ProbeFixture.SQRT), 0, null));
                }
                default -> {
                    end = RecordBatch.write(events, end, RecordBatch.LINE, ProbeFixture.INNER_LINE, 0);
                    expected.add(SiteRecords.of(index, null, Sites.line(ProbeFixture.INNER_LINE), 0, null));
                }
            }
        }
        RecordBatch batch = new RecordBatch(firstIndex, events, end);
        assertEquals(expected, batch);
        assertEquals(expected.get(999), batch.get(999)); // random access, not only iteration
    }

    @Test
    void a_method_event_without_a_line_of_its_own_reports_the_methods_line() {
        int[] events = new int[RecordBatch.MAX_INTS_PER_EVENT];
        int end = RecordBatch.write(events, 0, FunctionEvent.CALL.ordinal(), ProbeFixture.OUTER, 0);
        assertEquals(1, end);
        assertEquals(List.of(SiteRecords.of(0, FunctionEvent.CALL, Sites.method(ProbeFixture.OUTER), 10, null)),
                new RecordBatch(0, events, end));
    }
}

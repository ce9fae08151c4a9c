package io.pikos.filters;

import java.util.Arrays;
import java.util.List;

/** The values {@link OnValue} and {@link NotOnValue} compare with, integers widened to {@code Long}. */
final class ValueSet {

    private final List<Object> values;

    ValueSet(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one value is needed");
        }
        this.values = Arrays.stream(values).map(ColumnFilter::normalize).toList();
    }

    boolean contains(Object value) {
        return values.contains(value);
    }
}

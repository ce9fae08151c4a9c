package com.example;

import io.pikos.annotations.Monitored;

/** A wrong use of {@code @Monitored}: the build fails with the processor's message. */
public abstract class Misuse {

    @Monitored
    abstract void nothingToMonitor();
}

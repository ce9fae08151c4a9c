package io.pikos.internal.monitored;

/**
 * Which code the {@code @Monitored} factories go into: everything woven, except pikos' own packages
 * (so that monitoring never records itself) and the source metadata classes the processor generates.
 * The weaver's {@code PikosPackages} lists the same packages; an aspect cannot refer to it.
 */
public aspect PikosScope {

    /** Join points in code that pikos may monitor. */
    public pointcut monitorable():
            !within(io.pikos.annotations..*) && !within(io.pikos.api..*) && !within(io.pikos.filters..*)
            && !within(io.pikos.internal..*) && !within(io.pikos.management..*) && !within(io.pikos.memory..*)
            && !within(io.pikos.monitors..*) && !within(io.pikos.probe..*) && !within(io.pikos.recorders..*)
            && !within(io.pikos.records..*) && !within(io.pikos.weaver..*) && !within(*..*_PikosSource)
            && !within(*_PikosSource);
}

package io.pikos.weaver.hooks;

/**
 * Which code the pikos hooks go into: everything woven, except pikos' own runtime and weaver (so
 * that monitoring never records itself) and the source metadata classes the processor generates.
 */
public aspect PikosScope {

    /** Join points in code that pikos may monitor. */
    public pointcut monitorable():
            !within(io.pikos.annotations..*) && !within(io.pikos.api..*) && !within(io.pikos.filters..*)
            && !within(io.pikos.internal..*) && !within(io.pikos.memory..*) && !within(io.pikos.monitors..*)
            && !within(io.pikos.probe..*) && !within(io.pikos.recorders..*) && !within(io.pikos.records..*)
            && !within(io.pikos.weaver..*) && !within(*..*_PikosSource) && !within(*_PikosSource);

    /** Calls into pikos' own API, which are not reported as call-outs. */
    public pointcut callsIntoPikos():
            call(* (io.pikos.annotations..* || io.pikos.api..* || io.pikos.filters..* || io.pikos.internal..*
                    || io.pikos.memory..* || io.pikos.monitors..* || io.pikos.probe..* || io.pikos.recorders..*
                    || io.pikos.records..* || io.pikos.weaver..*).*(..))
            || call((io.pikos.annotations..* || io.pikos.api..* || io.pikos.filters..* || io.pikos.internal..*
                    || io.pikos.memory..* || io.pikos.monitors..* || io.pikos.probe..* || io.pikos.recorders..*
                    || io.pikos.records..* || io.pikos.weaver..*).new(..));
}

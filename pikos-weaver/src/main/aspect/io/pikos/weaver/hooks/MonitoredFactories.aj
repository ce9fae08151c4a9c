package io.pikos.weaver.hooks;

import io.pikos.weaver.internal.hooks.MonitoredMethods;

/**
 * {@code @Monitored} methods as the seed's decorator factories: the monitor the annotation describes
 * is made once per annotated method and enabled for each execution's dynamic extent. It wraps the
 * method hooks, so the method's own {@code call} and {@code return} are recorded by it.
 */
public aspect MonitoredFactories {

    declare precedence: MonitoredFactories, MethodHooks;

    pointcut monitored(): PikosScope.monitorable()
            && (execution(@io.pikos.annotations.Monitored * *(..)) || execution(@io.pikos.annotations.Monitored new(..)));

    // Before and after rather than around: around would move the method's body into a synthetic
    // method, which would then stand in the method's place at the top of its stack traces.
    before(): monitored() {
        MonitoredMethods.enter(thisJoinPointStaticPart);
    }

    after(): monitored() {
        MonitoredMethods.exit(thisJoinPointStaticPart);
    }
}

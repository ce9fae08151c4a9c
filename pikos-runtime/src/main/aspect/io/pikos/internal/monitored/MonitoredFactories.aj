package io.pikos.internal.monitored;

/**
 * {@code @Monitored} methods as the seed's decorator factories: the monitor the annotation describes
 * is made once per annotated method and enabled for each execution's dynamic extent. The weaver puts
 * the method's probes in first, so that this advice encloses them and the method's own {@code call}
 * and {@code return} are recorded by its monitor.
 *
 * <p>The only AspectJ weaving pikos does, and only into classes with {@code @Monitored} methods:
 * those classes gain AspectJ's members ({@code ajc$tjp_} fields, {@code ajc$preClinit}).
 */
public aspect MonitoredFactories {

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

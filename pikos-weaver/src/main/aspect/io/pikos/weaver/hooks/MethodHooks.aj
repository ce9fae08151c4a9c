package io.pikos.weaver.hooks;

import io.pikos.probe.Probes;
import io.pikos.weaver.internal.hooks.JoinPointEvents;

/**
 * The method hooks: {@code call}, {@code return} and {@code exception} around every method,
 * constructor and static initializer of woven code, and {@code c_call}, {@code c_return} and
 * {@code c_exception} around every call from woven code into code that is not woven.
 *
 * <p>Why this is cheap when no monitor is enabled: the advice is before/after, never around, so
 * nothing is captured or boxed; it receives only {@code thisJoinPointStaticPart}, which AspectJ keeps
 * in a static final field of the woven class, never a {@code thisJoinPoint} built per call; and its
 * first act is {@link Probes#methodsOn()}, a call-site constant the JIT folds: with no monitor enabled
 * the advice compiles to nothing.
 * The join point is turned into an id only when a monitor is on.
 */
public aspect MethodHooks {

    pointcut executions(): PikosScope.monitorable()
            && (execution(* *(..)) || execution(new(..)) || staticinitialization(*));

    // Instance calls bind their target: whether the callee is woven is decided by the object's class.
    pointcut instanceCalls(Object target): PikosScope.monitorable() && call(!static * *(..)) && target(target)
            && !PikosScope.callsIntoPikos();

    pointcut staticCalls(): PikosScope.monitorable() && (call(static * *(..)) || call(new(..)))
            && !PikosScope.callsIntoPikos();

    before(): executions() {
        if (Probes.methodsOn()) {
            JoinPointEvents.methodEnter(thisJoinPointStaticPart);
        }
    }

    after() returning: executions() {
        if (Probes.methodsOn()) {
            JoinPointEvents.methodReturn(thisJoinPointStaticPart);
        }
    }

    after() throwing: executions() {
        if (Probes.methodsOn()) {
            JoinPointEvents.methodThrow(thisJoinPointStaticPart);
        }
    }

    before(Object target): instanceCalls(target) {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutEnter(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, target.getClass());
        }
    }

    after(Object target) returning: instanceCalls(target) {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutReturn(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, target.getClass());
        }
    }

    after(Object target) throwing: instanceCalls(target) {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutThrow(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, target.getClass());
        }
    }

    before(): staticCalls() {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutEnter(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, null);
        }
    }

    after() returning: staticCalls() {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutReturn(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, null);
        }
    }

    after() throwing: staticCalls() {
        if (Probes.methodsOn()) {
            JoinPointEvents.callOutThrow(thisJoinPointStaticPart, thisEnclosingJoinPointStaticPart, null);
        }
    }
}

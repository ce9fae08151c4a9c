package io.pikos.probe;

import io.pikos.internal.dispatch.Dispatcher;
import io.pikos.internal.config.ProductionSwitch;
import io.pikos.internal.dispatch.FunctionEvent;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The entry points woven code calls. This set is small and stable: the probes the weaver puts into
 * class files call nothing else in pikos.
 *
 * <p>Every probe is an {@code invokedynamic} call site behind a guard, itself an {@code invokedynamic}
 * call site. The guards ({@link #bootstrapMethodsOn}, {@link #bootstrapLinesOn}) are linked to call
 * sites whose targets are constants, retargeted only when a monitor is enabled or disabled: with no
 * monitor enabled the JIT folds them to {@code false} and removes the probes from compiled code
 * entirely. No load, no allocation, no lock, no write. A probe's own call site is linked the first
 * time it runs with a monitor on ({@link #bootstrapMethod}, {@link #bootstrapCallOut},
 * {@link #bootstrapLine}): its bootstrap arguments say which method, call or line it reports, and
 * linking registers that site with {@link Sites} and binds its id as a constant. So a woven class
 * gains no field, no method and no static initializer, and sites that never run under a monitor are
 * never registered.
 *
 * <p>All methods may be called from any thread; none throws.
 */
public final class Probes {

    private static final MethodType VOID_INT = MethodType.methodType(void.class, int.class);
    private static final MethodHandle LINE;
    private static final MethodHandle METHOD_ENTER;
    private static final MethodHandle METHOD_RETURN;
    private static final MethodHandle METHOD_THROW;
    private static final MethodHandle STATIC_CALL_OUT;
    private static final MethodHandle INSTANCE_CALL_OUT;
    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LINE = lookup.findStatic(Probes.class, "line", VOID_INT);
            METHOD_ENTER = lookup.findStatic(Probes.class, "methodEnter", VOID_INT);
            METHOD_RETURN = MethodHandles.insertArguments(lookup.findStatic(Probes.class, "methodReturn",
                    MethodType.methodType(void.class, int.class, int.class)), 1, 0);
            METHOD_THROW = lookup.findStatic(Probes.class, "methodThrow", VOID_INT);
            STATIC_CALL_OUT = lookup.findStatic(Probes.class, "staticCallOut",
                    MethodType.methodType(int.class, int.class));
            INSTANCE_CALL_OUT = lookup.findStatic(Probes.class, "instanceCallOut",
                    MethodType.methodType(int.class, CallOutTargets.Site.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // Woven code is running: the production switch becomes reachable, and -Dpikos.* applies.
        ProductionSwitch.start();
    }

    private Probes() {
    }

    /**
     * Tells whether any enabled monitor wants method events: the guard hooks test before they look
     * up an id, so that nothing else runs while monitoring is off.
     *
     * @return whether method events are recorded
     */
    public static boolean methodsOn() {
        return Dispatcher.methodsOn();
    }

    /**
     * Tells whether any enabled monitor wants line events.
     *
     * @return whether line events are recorded
     */
    public static boolean linesOn() {
        return Dispatcher.linesOn();
    }

    /**
     * A woven method or constructor was entered: records {@code call}.
     *
     * @param methodId the id from {@link Sites#method}
     */
    public static void methodEnter(int methodId) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.CALL, methodId, 0);
        }
    }

    /**
     * A woven method or constructor returned normally: records {@code return}.
     *
     * @param methodId the id from {@link Sites#method}
     * @param lineNo   the line that returned, as a class file numbers lines (1 to 65535), or 0 if not known
     *                 (the record then carries the declaring line)
     */
    public static void methodReturn(int methodId, int lineNo) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.RETURN, methodId, lineNo);
        }
    }

    /**
     * A woven method or constructor was left by a throw: records {@code exception}.
     *
     * @param methodId the id from {@link Sites#method}
     */
    public static void methodThrow(int methodId) {
        if (Dispatcher.methodsOn()) {
            method(FunctionEvent.EXCEPTION, methodId, 0);
        }
    }

    /**
     * Woven code is about to call code that is not woven: records {@code c_call}.
     *
     * @param callId the id from {@link Sites#callOut}
     */
    public static void callOutEnter(int callId) {
        if (Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_CALL, callId);
        }
    }

    /**
     * A call into code that is not woven returned normally: records {@code c_return}. Woven code calls
     * this after every call its call-out probe saw, with the id that probe returned.
     *
     * @param callId the id from {@link Sites#callOut}, or a negative number for a call that was not
     *               recorded (its callee is woven, or no monitor was on): nothing is done then
     */
    public static void callOutReturn(int callId) {
        if (callId >= 0 && Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_RETURN, callId);
        }
    }

    /**
     * A call into code that is not woven ended by a throw: records {@code c_exception}. Woven code
     * calls this when a call its call-out probe saw throws, before rethrowing.
     *
     * @param callId the id from {@link Sites#callOut}, or a negative number for a call that was not
     *               recorded: nothing is done then
     */
    public static void callOutThrow(int callId) {
        if (callId >= 0 && Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_EXCEPTION, callId);
        }
    }

    /**
     * A source line of a woven method is about to execute: records a line.
     *
     * @param lineId the id from {@link Sites#line(int, int)}
     */
    public static void line(int lineId) {
        if (Dispatcher.linesOn()) {
            try {
                Dispatcher.line(lineId);
            } catch (OutOfMemoryError e) {
                // The program filled the heap: the event is lost, the error is not the program's.
            }
        }
    }

    /**
     * Links the guard of every method and call-out probe, {@code invokedynamic ()Z}: every such call
     * site shares one target that returns whether any monitor wants method events, as a constant (see
     * the class comment). The guard is read at each probe, so a monitor enabled while a method runs
     * records that method's calls and return from then on.
     *
     * @param lookup the woven class's lookup, unused
     * @param name   the call site's name, unused
     * @param type   {@code ()Z}
     * @return the shared call site
     */
    public static CallSite bootstrapMethodsOn(MethodHandles.Lookup lookup, String name, MethodType type) {
        return Dispatcher.METHODS_ON_SITE;
    }

    /**
     * Links one method probe, {@code invokedynamic ()V}, the first time it runs with a monitor on:
     * registers the method with {@link Sites} and binds its id into a call of {@link #methodEnter},
     * {@link #methodReturn} or {@link #methodThrow}. Never throws: a method that cannot be registered
     * (no memory left) is linked to a probe that does nothing.
     *
     * @param lookup           the woven class's lookup: the class is its lookup class
     * @param name             the event: {@code enter}, {@code return} or {@code throw}
     * @param type             {@code ()V}
     * @param sourceFile       the class's source file name from its {@code SourceFile} attribute, or
     *                         an empty string
     * @param methodName       the method's name
     * @param methodDescriptor the method's descriptor
     * @param firstLine        the first line of the method's code, or 0
     * @return a call site bound to the method's id
     */
    public static CallSite bootstrapMethod(MethodHandles.Lookup lookup, String name, MethodType type,
                                           String sourceFile, String methodName, String methodDescriptor,
                                           int firstLine) {
        try {
            int methodId = method(lookup, sourceFile, methodName, methodDescriptor, firstLine);
            MethodHandle event = switch (name) {
                case "enter" -> METHOD_ENTER;
                case "return" -> METHOD_RETURN;
                default -> METHOD_THROW;
            };
            return new ConstantCallSite(MethodHandles.insertArguments(event, 0, methodId));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new ConstantCallSite(NOTHING);
        }
    }

    /**
     * Links one call-out probe the first time it runs with a monitor on. The probe stands before a
     * call from woven code; it records {@code c_call} if the method the call runs is not woven, and
     * returns the call's id, which woven code hands to {@link #callOutReturn} or {@link #callOutThrow}
     * when the call ends; for a call into woven code it returns -1. A static call or a constructor,
     * {@code invokedynamic ()I}, is decided here once; an instance call, {@code invokedynamic
     * (Object)I}, receives the object called and is decided by its class. Never throws: a call that
     * cannot be registered is linked to a probe that returns -1.
     *
     * @param lookup           the woven class's lookup: the class is its lookup class
     * @param name             the call site's name, unused
     * @param type             {@code ()I} or {@code (Object)I}
     * @param sourceFile       the caller's source file name, or an empty string
     * @param methodName       the caller's name
     * @param methodDescriptor the caller's descriptor
     * @param firstLine        the first line of the caller's code, or 0
     * @param owner            the internal name of the class or interface the call instruction names
     * @param callee           the name of the method called, {@code <init>} for a constructor
     * @param calleeDescriptor the descriptor of the method called
     * @param line             the line of the call, or 0
     * @return a call site bound to the call
     */
    public static CallSite bootstrapCallOut(MethodHandles.Lookup lookup, String name, MethodType type,
                                            String sourceFile, String methodName, String methodDescriptor,
                                            int firstLine, String owner, String callee, String calleeDescriptor,
                                            int line) {
        try {
            Class<?> named = load(lookup, owner);
            boolean instance = type.parameterCount() == 1;
            if (!instance && CallOutTargets.isWoven(named, callee, calleeDescriptor)) {
                return new ConstantCallSite(MethodHandles.constant(int.class, -1));
            }
            int callId = Sites.callOut(method(lookup, sourceFile, methodName, methodDescriptor, firstLine), callee,
                    line);
            MethodHandle probe = instance
                    ? MethodHandles.insertArguments(INSTANCE_CALL_OUT, 0,
                            new CallOutTargets.Site(callId, named, callee, calleeDescriptor))
                    : MethodHandles.insertArguments(STATIC_CALL_OUT, 0, callId);
            return new ConstantCallSite(probe.asType(type));
        } catch (RuntimeException | OutOfMemoryError e) {
            MethodHandle none = MethodHandles.constant(int.class, -1);
            return new ConstantCallSite(MethodHandles.dropArguments(none, 0, type.parameterList()));
        }
    }

    /**
     * Links the guard a line-instrumented method reads once on entry, {@code invokedynamic ()Z}: every
     * such call site shares one target that returns whether any monitor wants line events, as a
     * constant. While no line monitor is enabled the JIT folds the guard to {@code false} and removes
     * the method's line probes from compiled code entirely; enabling one retargets the call site, which
     * makes the JVM recompile the code that depends on it. A method already running when a line monitor
     * is enabled keeps its guard until it is called again (as Python's tracer, which starts tracing a
     * frame when it is entered); a monitor disabled while a method runs stops recording at once.
     *
     * @param lookup the instrumented class's lookup, unused
     * @param name   the call site's name, unused
     * @param type   {@code ()Z}
     * @return the shared call site
     */
    public static CallSite bootstrapLinesOn(MethodHandles.Lookup lookup, String name, MethodType type) {
        return Dispatcher.LINES_ON_SITE;
    }

    /**
     * Links one line probe, {@code invokedynamic ()V}, the first time it runs with lines on: registers
     * the line (and its method) with {@link Sites} and binds its id into a call of {@link #line(int)}.
     * Lines that never run while a line monitor is enabled are never registered. A line whose source
     * text is only a closing brace is linked to a probe that does nothing: it holds no statement, only
     * code the compiler put there (javac's implicit return of a void method, the jump back of a loop
     * over an {@code Iterable}), and Python's tracer reports statements. Never throws: a line that
     * cannot be registered (or linked: no memory left) is linked to a probe that does nothing.
     *
     * @param lookup           the instrumented class's lookup: the class is its lookup class
     * @param name             the call site's name, unused
     * @param type             {@code ()V}
     * @param sourceFile       the class's source file name from its {@code SourceFile} attribute, or
     *                         an empty string
     * @param methodName       the name of the method holding the line
     * @param methodDescriptor that method's descriptor
     * @param firstLine        the first line of that method's code
     * @param line             the line
     * @return a call site bound to the line's id
     */
    public static CallSite bootstrapLine(MethodHandles.Lookup lookup, String name, MethodType type, String sourceFile,
                                         String methodName, String methodDescriptor, int firstLine, int line) {
        try {
            int methodId = method(lookup, sourceFile, methodName, methodDescriptor, firstLine);
            int lineId = Sites.line(methodId, line);
            if (Sites.line(lineId).isClosingBrace()) {
                return new ConstantCallSite(NOTHING);
            }
            return new ConstantCallSite(MethodHandles.insertArguments(LINE, 0, lineId));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new ConstantCallSite(NOTHING);
        }
    }

    private static int method(MethodHandles.Lookup lookup, String sourceFile, String methodName,
                              String methodDescriptor, int firstLine) {
        return Sites.method(lookup.lookupClass(), sourceFile.isEmpty() ? null : sourceFile, methodName,
                methodDescriptor, firstLine);
    }

    /** The class a call names, through the caller's loader, not initialized; null if it cannot be loaded. */
    private static Class<?> load(MethodHandles.Lookup lookup, String internalName) {
        if (internalName.startsWith("[")) {
            return Object.class; // a call on an array runs Object's methods
        }
        try {
            return Class.forName(internalName.replace('/', '.'), false, lookup.lookupClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static int staticCallOut(int callId) {
        if (Dispatcher.methodsOn()) {
            callOut(FunctionEvent.C_CALL, callId);
        }
        return callId;
    }

    private static int instanceCallOut(CallOutTargets.Site site, Object receiver) {
        try {
            int callId = site.idFor(receiver);
            if (callId >= 0 && Dispatcher.methodsOn()) {
                callOut(FunctionEvent.C_CALL, callId);
            }
            return callId;
        } catch (RuntimeException | OutOfMemoryError e) {
            return -1; // the decision failed (no memory left): the call goes unrecorded
        }
    }

    // These and line(int) catch an OutOfMemoryError that pikos' own code meets before a monitor sees the
    // event (the thread's first event, a file's metadata looked up): the event is lost, and the error,
    // which the program caused by filling the heap, is not thrown into it at a place it cannot be.
    private static void method(FunctionEvent event, int methodId, int lineNo) {
        try {
            Dispatcher.method(event, methodId, lineNo);
        } catch (OutOfMemoryError e) {
            // lost, see above
        }
    }

    private static void callOut(FunctionEvent event, int callId) {
        try {
            Dispatcher.callOut(event, callId);
        } catch (OutOfMemoryError e) {
            // lost, see above
        }
    }
}

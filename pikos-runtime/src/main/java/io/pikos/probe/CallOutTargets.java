package io.pikos.probe;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a call from woven code is a call-out: whether the method it runs is declared in code
 * that is not woven (the JDK, a library), in which case the call is recorded as {@code c_call},
 * {@code c_return} and {@code c_exception}; a woven callee records itself.
 *
 * <p>A static call or a constructor runs the method its instruction names, so it is decided once, when
 * its probe is linked. An instance call runs the method the receiver's class inherits or overrides:
 * {@code color.name()} on a woven enum runs {@code Enum.name()}, which is not woven. Each instance call
 * site keeps its last decision ({@link Site}), as a call site usually sees one class; each class keeps
 * the decisions made for it by method, so that a site that sees many classes looks each up once.
 */
final class CallOutTargets {

    /** Per class: method name and descriptor to whether the method that runs is declared in woven code. */
    private static final ClassValue<Map<String, Boolean>> RUNS_WOVEN = new ClassValue<>() {
        @Override
        protected Map<String, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private CallOutTargets() {
    }

    /**
     * Decides a static call or a constructor.
     *
     * @param owner      the class the instruction names, or {@code null} if it cannot be loaded
     * @param name       the method's name, {@code <init>} for a constructor
     * @param descriptor the method's descriptor
     * @return whether the method called is declared in woven code
     */
    static boolean isWoven(Class<?> owner, String name, String descriptor) {
        return owner != null && runsWoven(owner, owner, name, descriptor);
    }

    /**
     * Whether calling {@code name descriptor} on an object of class {@code type} runs woven code: the
     * method is looked up from {@code type} through its superclasses; a method no class declares is an
     * interface's default method, decided by the interface the call names.
     */
    private static boolean runsWoven(Class<?> type, Class<?> named, String name, String descriptor) {
        return RUNS_WOVEN.get(type).computeIfAbsent(name + descriptor, key -> {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (declares(c, name, descriptor)) {
                    return WovenClasses.contains(c);
                }
            }
            return named != null && WovenClasses.contains(named);
        });
    }

    private static boolean declares(Class<?> type, String name, String descriptor) {
        if (name.equals("<init>")) {
            return true;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && MethodType.methodType(method.getReturnType(),
                    method.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One instance call site of woven code: its call-out id, and its last decision. Thread-safe: a racing
     * reader sees the old decision or the new one, each whole.
     */
    static final class Site {

        private final int id;
        private final Class<?> named;
        private final String name;
        private final String descriptor;
        private Decision last;

        /**
         * @param id         the call-out's id from {@link Sites#callOut}
         * @param named      the class or interface the instruction names, or {@code null} if it cannot be loaded
         * @param name       the method's name
         * @param descriptor the method's descriptor
         */
        Site(int id, Class<?> named, String name, String descriptor) {
            this.id = id;
            this.named = named;
            this.name = name;
            this.descriptor = descriptor;
        }

        /**
         * @param receiver the object called
         * @return the call-out's id if the call runs code that is not woven, otherwise -1 (a {@code null}
         *         receiver runs nothing: the call throws before any method starts)
         */
        int idFor(Object receiver) {
            if (receiver == null) {
                return -1;
            }
            Class<?> type = receiver.getClass();
            Decision decision = last;
            if (decision == null || decision.type != type) {
                decision = new Decision(type, runsWoven(type, named, name, descriptor));
                last = decision;
            }
            return decision.woven ? -1 : id;
        }
    }

    private record Decision(Class<?> type, boolean woven) {
    }
}

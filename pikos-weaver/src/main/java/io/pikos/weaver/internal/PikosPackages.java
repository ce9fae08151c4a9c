package io.pikos.weaver.internal;

import java.util.List;

/**
 * The packages of pikos itself, which pikos never weaves or instruments, so that monitoring never
 * records itself. The aspects say the same in {@code PikosScope.aj}, which cannot refer to this class.
 */
public final class PikosPackages {

    private static final List<String> PACKAGES = List.of("io.pikos.annotations", "io.pikos.api",
            "io.pikos.filters", "io.pikos.internal", "io.pikos.management", "io.pikos.memory", "io.pikos.monitors", "io.pikos.probe",
            "io.pikos.recorders", "io.pikos.records", "io.pikos.weaver");

    private PikosPackages() {
    }

    /**
     * Tells whether a package belongs to pikos.
     *
     * @param packageName a package name with dots, for example {@code io.pikos.monitors}
     * @return whether pikos never weaves it
     */
    public static boolean contains(String packageName) {
        return PACKAGES.stream().anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."));
    }

    /**
     * Tells whether a class belongs to pikos.
     *
     * @param internalName a class's internal name, for example {@code io/pikos/probe/Probes}
     * @return whether it is in one of pikos' packages
     */
    public static boolean containsClass(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && contains(internalName.substring(0, slash).replace('/', '.'));
    }
}

package io.pikos.probe;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells whether a loaded class was woven by pikos. A woven class gains no member, so reflection cannot
 * tell; its class file carries a class attribute named {@value #MARKER} instead, and the name of every
 * attribute a class file holds is a string of its constant pool. The class file is read once per class,
 * as its own loader serves it, and only while a monitor decides whether a call goes into woven code.
 *
 * <p>Classes of the JDK (the boot and platform loaders) are never woven. A class whose loader cannot
 * serve its class file counts as not woven: its calls are then reported as call-outs, beside the
 * class's own records.
 */
final class WovenClasses {

    /** The class attribute pikos' weaver marks woven classes with; the weaver names it the same. */
    static final String MARKER = "io.pikos.Probes";

    private static final ClassValue<Boolean> WOVEN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isWoven(type);
        }
    };

    private WovenClasses() {
    }

    /**
     * @param type a class
     * @return whether its class file carries pikos' probes
     */
    static boolean contains(Class<?> type) {
        return WOVEN.get(type);
    }

    private static boolean isWoven(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || type.isArray() || type.isPrimitive()
                || type.isHidden()) {
            return false;
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in != null && hasMarkerConstant(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Walks the constant pool for the marker's name; stops there, before fields and methods. */
    private static boolean hasMarkerConstant(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return false;
        }
        in.readInt(); // minor and major version
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // Utf8
                    if (MARKER.equals(in.readUTF())) {
                        return true;
                    }
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, refs, NameAndType, dynamic
                case 5, 6 -> { // Long, Double: two entries
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                default -> {
                    return false; // not a class file this JVM could have loaded
                }
            }
        }
        return false;
    }
}

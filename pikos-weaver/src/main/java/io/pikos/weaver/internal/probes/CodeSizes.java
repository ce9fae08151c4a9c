package io.pikos.weaver.internal.probes;

import org.objectweb.asm.ClassReader;

import java.util.HashMap;
import java.util.Map;

/**
 * The size of each method's code in a class file, which ASM's visitors do not tell: the weaver compares
 * it before and after probes against HotSpot's limit for compiling a method.
 */
public final class CodeSizes {

    /**
     * HotSpot compiles no method whose code is larger than this ({@code HugeMethodLimit}, while
     * {@code -XX:+DontCompileHugeMethods}, the default): such a method is interpreted at every call.
     */
    public static final int HUGE_METHOD = 8000;

    private CodeSizes() {
    }

    /**
     * Reads the code sizes of a class's methods.
     *
     * @param reader the class file
     * @return the code length in bytes by {@code name + descriptor}, for the methods that have code
     */
    public static Map<String, Integer> of(ClassReader reader) {
        Map<String, Integer> sizes = new HashMap<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            offset = skipAttributes(reader, offset + 6);
        }
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            String method = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int j = 0; j < attributes; j++) {
                if ("Code".equals(reader.readUTF8(offset, buffer))) {
                    sizes.put(method, reader.readInt(offset + 10)); // after name, length, max_stack, max_locals
                }
                offset += 6 + reader.readInt(offset + 2);
            }
        }
        return sizes;
    }

    private static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < attributes; i++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }
}

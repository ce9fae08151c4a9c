package io.pikos.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A template in the subset of Python's {@code str.format} syntax that the seed's record templates
 * use: literal text and replacement fields {@code {}} or {@code {:<N}}, {@code {:>N}}, {@code {:^N}}.
 *
 * <p>Padding follows Python exactly: a value shorter than the width is padded with spaces (centring
 * puts the odd space on the right), a value longer than the width is written whole, never cut.
 * Instances are immutable and thread-safe.
 */
public final class PyFormat {

    private final List<Object> parts; // String literals and Field specs, in order
    private final int fieldCount;

    private record Field(char align, int width) {
    }

    private PyFormat(List<Object> parts, int fieldCount) {
        this.parts = parts;
        this.fieldCount = fieldCount;
    }

    /**
     * Parses a template.
     *
     * @param template for example {@code "{:<8} {:<11} {}"}
     * @return the compiled template
     * @throws IllegalArgumentException if the template uses syntax outside the supported subset
     */
    public static PyFormat compile(String template) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int fields = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("single '}' in template: " + template);
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed field in template: " + template);
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(parseField(template.substring(i + 1, close), template));
            fields++;
            i = close + 1;
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new PyFormat(List.copyOf(parts), fields);
    }

    private static Field parseField(String spec, String template) {
        if (spec.isEmpty()) {
            return new Field('<', 0);
        }
        if (spec.length() < 3 || spec.length() > 6 || spec.charAt(0) != ':' || "<>^".indexOf(spec.charAt(1)) < 0
                || !spec.substring(2).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("unsupported field {" + spec + "} in template: " + template);
        }
        return new Field(spec.charAt(1), Integer.parseInt(spec.substring(2)));
    }

    /**
     * Formats values into the template, each value as its {@code String.valueOf}.
     *
     * @param values one per replacement field
     * @return the formatted text
     * @throws IllegalArgumentException if the number of values differs from the number of fields
     */
    public String format(Object... values) {
        if (values.length != fieldCount) {
            throw new IllegalArgumentException("template has " + fieldCount + " fields, got " + values.length);
        }
        StringBuilder out = new StringBuilder(64);
        int next = 0;
        for (Object part : parts) {
            if (part instanceof Field field) {
                pad(out, String.valueOf(values[next++]), field);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, String value, Field field) {
        int fill = field.width() - value.codePointCount(0, value.length());
        if (fill <= 0) {
            out.append(value);
            return;
        }
        int left = switch (field.align()) {
            case '>' -> fill;
            case '^' -> fill / 2;
            default -> 0;
        };
        appendSpaces(out, left);
        out.append(value);
        appendSpaces(out, fill - left);
    }

    private static void appendSpaces(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
    }
}

package io.pikos.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * What the build captured of one source file: its path in the project, its lines' text, and where
 * its methods are declared.
 */
final class SourceText {

    static final SourceText NONE = new SourceText(null, 1, new String[0], "");

    /** A method or constructor in the source: its name, the line of its name, and its last line. */
    private record Declaration(String name, int line, int lastLine) {
    }

    private final String path;
    private final int firstLine;
    private final String[] lines;
    private final List<Declaration> declarations;

    SourceText(String path, int firstLine, String[] lines, String declarations) {
        this.path = path;
        this.firstLine = firstLine;
        this.lines = lines;
        this.declarations = parse(declarations);
    }

    String path() {
        return path;
    }

    String line(int line) {
        int at = line - firstLine;
        if (at < 0 || at >= lines.length || lines[at] == null) {
            return "";
        }
        return lines[at];
    }

    /**
     * Finds where a method is declared, from a line of its code: the innermost declaration of that
     * name whose lines hold the code line.
     *
     * @return the declaration's line, or {@code codeLine} if no declaration holds it
     */
    int declarationLine(String name, int codeLine) {
        Declaration innermost = null;
        for (Declaration declaration : declarations) {
            if (declaration.name().equals(name) && declaration.line() <= codeLine && codeLine <= declaration.lastLine()
                    && (innermost == null || declaration.line() > innermost.line())) {
                innermost = declaration;
            }
        }
        return innermost == null ? codeLine : innermost.line();
    }

    private static List<Declaration> parse(String declarations) {
        List<Declaration> parsed = new ArrayList<>();
        for (String entry : declarations.split(";")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] fields = entry.split(",");
            if (fields.length != 3) {
                throw new IllegalArgumentException("malformed declaration '" + entry + "'");
            }
            parsed.add(new Declaration(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2])));
        }
        return List.copyOf(parsed);
    }
}

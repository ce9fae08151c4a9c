package io.pikos.probe;

/** What the build captured of one source file: its path in the project and its lines' text. */
record SourceText(String path, int firstLine, String[] lines) {

    static final SourceText NONE = new SourceText(null, 1, new String[0]);

    String line(int line) {
        int at = line - firstLine;
        if (at < 0 || at >= lines.length || lines[at] == null) {
            return "";
        }
        return lines[at];
    }
}

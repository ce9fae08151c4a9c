package io.pikos.weaver.internal.metadata;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the methods and constructors of a source file are declared, read from javac's trees: for each,
 * its name ({@code <init>} for constructors), the line of its name, and its last line. The class file
 * knows only the lines of a method's code; records report the declaring line, as the seed reports the
 * {@code def} line.
 */
final class Declarations extends TreePathScanner<Void, Void> {

    private final SourcePositions positions;
    private final CompilationUnitTree unit;
    private final String text;
    private final Deque<String> classNames = new ArrayDeque<>();
    private final StringJoiner found = new StringJoiner(";");

    private Declarations(Trees trees, CompilationUnitTree unit, String text) {
        this.positions = trees.getSourcePositions();
        this.unit = unit;
        this.text = text;
    }

    /**
     * Lists the declarations of a compilation unit.
     *
     * @return entries {@code name,line,lastLine} separated by {@code ';'}
     */
    static String of(Trees trees, CompilationUnitTree unit, String text) {
        if (unit.getLineMap() == null) {
            return ""; // javac keeps no line map without -g:lines: the records use the first line of the code
        }
        Declarations scanner = new Declarations(trees, unit, text);
        scanner.scan(unit, null);
        return scanner.found.toString();
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
        classNames.push(tree.getSimpleName().toString());
        try {
            return super.visitClass(tree, unused);
        } finally {
            classNames.pop();
        }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start >= 0 && end >= 0) { // constructors javac supplies have no source position
            boolean constructor = tree.getReturnType() == null;
            String sourceName = constructor ? classNames.peek() : tree.getName().toString();
            Tree before = constructor ? tree.getModifiers() : tree.getReturnType();
            long from = Math.max(start, positions.getEndPosition(unit, before));
            found.add((constructor ? "<init>" : sourceName) + ","
                    + line(namePosition(sourceName, from, start)) + "," + line(end));
        }
        return super.visitMethod(tree, unused);
    }

    /** The position of the name: the first {@code name(} after the return type or the modifiers. */
    private long namePosition(String name, long from, long start) {
        if (name == null || name.isEmpty()) {
            return start;
        }
        Matcher matcher = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(text);
        return matcher.find((int) from) ? matcher.start() : start;
    }

    private long line(long position) {
        return unit.getLineMap().getLineNumber(position);
    }
}

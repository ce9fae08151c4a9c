package io.pikos.weaver.internal.metadata;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.net.URI;

/**
 * Finds the source file a type was compiled from: through javac's tree API where the compiler is
 * javac, through the source path otherwise (ajc, whose compiler is Eclipse's, has no tree API).
 */
final class SourceFiles {

    /**
     * A source file.
     *
     * @param declarations where its methods are declared, in the form {@code Sites.registerSource}
     *                     takes; empty where the compiler has no tree API
     */
    record Source(String fileName, URI uri, String text, String declarations) {
    }

    private SourceFiles() {
    }

    static Source find(ProcessingEnvironment environment, TypeElement type) {
        Source source = fromTrees(environment, type);
        return source != null ? source : fromSourcePath(environment, type);
    }

    private static Source fromTrees(ProcessingEnvironment environment, TypeElement type) {
        try {
            TreePath path = Trees.instance(environment).getPath(type);
            if (path == null) {
                return null;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            JavaFileObject file = unit.getSourceFile();
            String text = file.getCharContent(true).toString();
            return new Source(fileName(file.toUri(), file.getName()), file.toUri(), text,
                    Declarations.of(Trees.instance(environment), unit, text));
        } catch (IllegalArgumentException | IOException | LinkageError e) {
            return null; // not javac
        }
    }

    private static Source fromSourcePath(ProcessingEnvironment environment, TypeElement type) {
        Element outermost = type;
        while (!(outermost.getEnclosingElement() instanceof PackageElement)) {
            outermost = outermost.getEnclosingElement();
        }
        String fileName = outermost.getSimpleName() + ".java";
        String pkg = ((PackageElement) outermost.getEnclosingElement()).getQualifiedName().toString();
        try {
            FileObject file = environment.getFiler().getResource(StandardLocation.SOURCE_PATH, pkg, fileName);
            return new Source(fileName, file.toUri(), file.getCharContent(true).toString(), "");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String fileName(URI uri, String name) {
        String path = uri != null && uri.getPath() != null ? uri.getPath() : name;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

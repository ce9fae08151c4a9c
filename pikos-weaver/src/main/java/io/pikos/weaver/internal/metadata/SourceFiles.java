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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the source file a type was compiled from: through javac's tree API where the compiler is
 * javac; otherwise (ajc, whose compiler is Eclipse's, has no tree API) through the source path, then
 * under the given source roots by package path and the outermost type's name.
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

    static Source find(ProcessingEnvironment environment, TypeElement type, List<Path> sourceRoots) {
        Source source = fromTrees(environment, type);
        if (source == null) {
            source = fromSourcePath(environment, type, sourceRoots);
        }
        return source;
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

    private static Source fromSourcePath(ProcessingEnvironment environment, TypeElement type, List<Path> sourceRoots) {
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
            // no source path: look under the source roots
        }
        String relative = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + fileName;
        for (Path root : sourceRoots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return new Source(fileName, file.toUri(), Files.readString(file, StandardCharsets.UTF_8), "");
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String fileName(URI uri, String name) {
        String path = uri != null && uri.getPath() != null ? uri.getPath() : name;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}

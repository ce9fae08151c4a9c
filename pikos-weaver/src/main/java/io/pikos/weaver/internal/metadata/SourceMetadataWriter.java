package io.pikos.weaver.internal.metadata;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import javax.annotation.processing.Filer;
import javax.annotation.processing.Generated;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates the source metadata classes: for each compiled source file {@code pkg/Foo.java}, a class
 * {@code pkg.Foo_PikosSource} whose static initializer hands the file's path and its lines' text to
 * {@code io.pikos.probe.Sites.registerSource}. The runtime initializes it by name the first time a
 * monitor records something from that file.
 */
public final class SourceMetadataWriter {

    /** Processor option naming the directory that source paths are relative to. */
    public static final String ROOT_OPTION = "pikos.root";
    /**
     * Processor option listing where to find source files when the compiler cannot say (ajc):
     * directories relative to the root, separated by the platform's path separator.
     */
    public static final String SOURCES_OPTION = "pikos.sources";
    private static final String DEFAULT_SOURCES = "src/main/java" + File.pathSeparator + "src/test/java";
    /** Suffix of the generated class names; must match the runtime's. */
    public static final String SUFFIX = "_PikosSource";

    private static final ClassName SITES = ClassName.get("io.pikos.probe", "Sites");
    // Each chunk is a constant of at most 65535 UTF-8 bytes; 16384 chars fit even at 3 bytes each.
    private static final int CHUNK_CHARS = 16_384;

    private final ProcessingEnvironment environment;
    private final Path root;
    private final List<Path> sourceRoots;
    private final Set<String> written = new HashSet<>();

    /**
     * Creates the writer for one compilation.
     *
     * @param environment the processing environment
     */
    public SourceMetadataWriter(ProcessingEnvironment environment) {
        this.environment = environment;
        String option = environment.getOptions().get(ROOT_OPTION);
        this.root = Path.of(option != null ? option : System.getProperty("user.dir")).toAbsolutePath().normalize();
        String sources = environment.getOptions().getOrDefault(SOURCES_OPTION, DEFAULT_SOURCES);
        this.sourceRoots = Arrays.stream(sources.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(root::resolve).toList();
    }

    /**
     * Writes the metadata of the source files of a round's root types, each file once.
     *
     * @param roots the round's root elements
     */
    public void write(Set<? extends Element> roots) {
        for (Element root : roots) {
            if (!(root instanceof TypeElement type) || type.getSimpleName().toString().endsWith(SUFFIX)) {
                continue;
            }
            SourceFiles.Source source = SourceFiles.find(environment, type, sourceRoots);
            if (source == null) {
                environment.getMessager().printMessage(Diagnostic.Kind.NOTE,
                        "pikos: no source text for " + type.getQualifiedName() + "; line records will have none", type);
                continue;
            }
            String pkg = environment.getElementUtils().getPackageOf(type).getQualifiedName().toString();
            String key = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + source.fileName();
            if (written.add(key)) {
                writeClass(pkg, key, path(source.uri(), key), source, type);
            }
        }
    }

    private void writeClass(String pkg, String key, String path, SourceFiles.Source source, TypeElement origin) {
        String baseName = key.substring(key.lastIndexOf('/') + 1, key.length() - ".java".length());
        TypeSpec metadata = TypeSpec.classBuilder(baseName + SUFFIX)
                .addModifiers(Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(Generated.class)
                        .addMember("value", "$S", "io.pikos.weaver.processor.MonitoredProcessor").build())
                .addJavadoc("Source path and line text of {@code $L}, for pikos line records.\n", key)
                .addStaticBlock(CodeBlock.of("$T.registerSource($S, $S,\n$S,\n1, $L);\n", SITES, key, path,
                        source.declarations(), chunks(rightTrimmedLines(source.text()))))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addOriginatingElement(origin)
                .build();
        Filer filer = environment.getFiler();
        try {
            JavaFile.builder(pkg, metadata).skipJavaLangImports(true).build().writeTo(filer);
        } catch (IOException e) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "pikos: cannot write source metadata for " + key + ": " + e.getMessage(), origin);
        }
    }

    /** The file's lines, right-trimmed, joined by {@code '\n'}. */
    static String rightTrimmedLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\r\n|\r|\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static CodeBlock chunks(String text) {
        List<CodeBlock> chunks = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(text.length(), start + CHUNK_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair across two constants
            }
            chunks.add(CodeBlock.of("$S", text.substring(start, end)));
            start = end;
        } while (start < text.length());
        return CodeBlock.join(chunks, ",\n");
    }

    private String path(URI uri, String key) {
        if (uri == null || !"file".equals(uri.getScheme())) {
            return key;
        }
        Path file = Path.of(uri).toAbsolutePath().normalize();
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : key;
    }
}

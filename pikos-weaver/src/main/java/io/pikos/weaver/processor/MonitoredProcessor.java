package io.pikos.weaver.processor;

import io.pikos.weaver.internal.metadata.MonitoredChecks;
import io.pikos.weaver.internal.metadata.SourceMetadataWriter;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.util.Set;

/**
 * The pikos annotation processor, for {@code javac} and {@code ajc} builds alike.
 *
 * <ul>
 *   <li>Rejects wrong uses of {@code @Monitored} with a compiler error on the element.</li>
 *   <li>Generates, beside each compiled source file {@code pkg/Foo.java}, a class
 *       {@code pkg.Foo_PikosSource} that registers the file's path and the text of its lines with
 *       the runtime, so that line records carry source text when the program runs without its sources.</li>
 * </ul>
 *
 * <p>Options: {@code -Apikos.root=DIR}, the directory source paths are made relative to (by default
 * the compiler's working directory, which for Maven is where {@code mvn} was started);
 * {@code -Apikos.sources=DIRS}, where to find source files when the compiler cannot say, as under
 * ajc (by default {@code src/main/java} and {@code src/test/java} under the root).
 */
@SupportedAnnotationTypes("*")
@SupportedOptions({SourceMetadataWriter.ROOT_OPTION, SourceMetadataWriter.SOURCES_OPTION})
public final class MonitoredProcessor extends AbstractProcessor {

    private SourceMetadataWriter metadata;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        try {
            metadata = new SourceMetadataWriter(environment);
        } catch (NoClassDefFoundError e) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR, "pikos: the annotation processor needs "
                    + "com.palantir.javapoet:javapoet beside pikos-weaver on the processor path (missing: "
                    + e.getMessage() + ")");
        }
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        MonitoredChecks.check(round, processingEnv);
        if (metadata != null) {
            metadata.write(round.getRootElements());
        }
        return false; // claims nothing: other processors see every annotation
    }
}

package io.pikos.weaver.internal.metadata;

import io.pikos.annotations.Monitored;
import io.pikos.annotations.Recording;
import io.pikos.weaver.internal.PikosPackages;

import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import java.util.stream.Collectors;

/** The compile-time checks of {@code @Monitored}: each wrong use is an error on the element, nothing else. */
public final class MonitoredChecks {

    private MonitoredChecks() {
    }

    /**
     * Reports every wrong use of {@code @Monitored} in a round.
     *
     * @param round       the round
     * @param environment the processing environment, where errors go
     */
    public static void check(RoundEnvironment round, ProcessingEnvironment environment) {
        Messager messager = environment.getMessager();
        for (Element element : round.getElementsAnnotatedWith(Monitored.class)) {
            String problem = problem((ExecutableElement) element, environment.getElementUtils());
            if (problem != null) {
                messager.printMessage(Diagnostic.Kind.ERROR, "@Monitored on " + describe(element) + ": " + problem,
                        element);
            }
        }
    }

    private static String problem(ExecutableElement method, Elements elements) {
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            return "an abstract method has no body to monitor";
        }
        if (method.getModifiers().contains(Modifier.NATIVE)) {
            return "a native method cannot be woven";
        }
        TypeElement type = (TypeElement) method.getEnclosingElement();
        if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            return "an annotation type cannot be woven";
        }
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        if (PikosPackages.contains(pkg)) {
            return "pikos does not weave its own package " + pkg;
        }
        Monitored settings = method.getAnnotation(Monitored.class);
        return outputProblem(settings.recording(), settings.output());
    }

    private static String outputProblem(Recording recording, String output) {
        if (output.isEmpty()) {
            return null;
        }
        if (recording == Recording.SCREEN) {
            return "output \"" + output + "\" is given but recording SCREEN writes to standard output";
        }
        if (output.isBlank() || output.indexOf('\0') >= 0 || output.endsWith("/") || output.endsWith("\\")) {
            return "output \"" + output.replace("\0", "\\0") + "\" is not a file name";
        }
        return null;
    }

    /** {@code Type.method(int,java.lang.String)}, the same whichever compiler runs the processor. */
    private static String describe(Element element) {
        ExecutableElement method = (ExecutableElement) element;
        String type = method.getEnclosingElement().getSimpleName().toString();
        String name = method.getKind() == ElementKind.CONSTRUCTOR ? type : method.getSimpleName().toString();
        return type + "." + name + method.getParameters().stream().map(p -> p.asType().toString())
                .collect(Collectors.joining(",", "(", ")"));
    }
}

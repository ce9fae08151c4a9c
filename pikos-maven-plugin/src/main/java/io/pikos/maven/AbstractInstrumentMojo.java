package io.pikos.maven;

import io.pikos.maven.internal.SourceMetadata;
import io.pikos.weaver.ClassNamePatterns;
import io.pikos.weaver.Instrumenter;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the goals {@code instrument} and {@code instrument-tests} share: they weave one classes directory
 * of a module, in place, after capturing what the records need of its sources.
 */
abstract class AbstractInstrumentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The directory source file paths in records are made relative to: where {@code mvn} was started. */
    @Parameter(property = "pikos.root", defaultValue = "${session.executionRootDirectory}", required = true)
    File root;

    /** Whether to put in line probes, for the line monitors; without them the classes are smaller. */
    @Parameter(property = "pikos.lines", defaultValue = "true")
    boolean lines;

    /**
     * Globs of the classes to weave ({@code org.example.*} for one package, {@code org.example.**} for a
     * subtree); none means every class.
     */
    @Parameter
    List<String> includes = List.of();

    /** Globs of classes to leave alone, even if included. */
    @Parameter
    List<String> excludes = List.of();

    /**
     * Fails the build when a class or a method is left without probes (too large with them, a class file
     * the weaver cannot read); by default each is one warning and the build goes on.
     */
    @Parameter(property = "pikos.failOnSkipped", defaultValue = "false")
    boolean failOnSkipped;

    /** Skips weaving. */
    @Parameter(property = "pikos.skip", defaultValue = "false")
    boolean skip;

    /** @return the classes directory to weave */
    abstract Path classesDirectory();

    /** @return the source roots the classes are compiled from */
    abstract List<String> sourceRoots();

    /** @return the classpath the classes are compiled against, the classes directory included */
    abstract List<String> classpath() throws MojoExecutionException;

    /** @return where the metadata sources are generated */
    abstract Path generatedSources();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path classes = classesDirectory();
        if (skip) {
            getLog().info("pikos: skipped");
            return;
        }
        if (!classes.toFile().isDirectory()) {
            getLog().info("pikos: no classes to weave in " + classes);
            return;
        }
        if (project.getArtifacts().stream().noneMatch(a -> a.getGroupId().equals("io.pikos")
                && a.getArtifactId().equals("pikos-runtime"))) {
            throw new MojoFailureException("pikos: io.pikos:pikos-runtime is not a dependency of " + project.getId()
                    + ": add it (compile scope); woven classes call it at run time");
        }
        Predicate<String> classNames;
        try {
            classNames = ClassNamePatterns.of(includes, excludes);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("pikos: " + e.getMessage(), e);
        }
        List<Path> classpath = new ArrayList<>();
        for (String element : classpath()) {
            classpath.add(Path.of(element));
        }
        try {
            SourceMetadata.Outcome sources = SourceMetadata.write(sourceRoots().stream().map(Path::of).toList(),
                    classpath, root.toPath().toAbsolutePath().normalize(), generatedSources(), classes);
            for (String warning : sources.warnings()) {
                getLog().warn("pikos: reading the sources: " + warning);
            }
            if (!sources.misuses().isEmpty()) {
                sources.misuses().forEach(m -> getLog().error(m));
                throw new MojoFailureException("pikos: " + sources.misuses().size() + " wrong use"
                        + (sources.misuses().size() == 1 ? "" : "s") + " of @Monitored: " + sources.misuses().get(0));
            }
            List<String> problems = new ArrayList<>();
            Instrumenter instrumenter = Instrumenter.builder().lines(lines).classpath(classpath).build();
            Instrumenter.Summary summary = instrumenter.instrumentAll(classes, classes, classNames,
                    result -> problems.addAll(result.problems()));
            problems.forEach(p -> getLog().warn("pikos: " + p));
            getLog().info("pikos: " + summary.woven() + " classes woven, " + summary.already() + " already woven, "
                    + summary.skipped() + " left as they were, in " + classes
                    + (lines ? "" : " (no line probes)"));
            if (failOnSkipped && !problems.isEmpty()) {
                throw new MojoFailureException("pikos: " + (problems.size() == 1 ? "1 class or method"
                        : problems.size() + " classes or methods") + " left without probes, and failOnSkipped is set: "
                        + problems.get(0));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("pikos: cannot weave the classes in " + classes + ": " + e.getMessage(), e);
        }
    }
}

package io.pikos.maven;

import io.pikos.weaver.lines.ClassNamePatterns;
import io.pikos.weaver.lines.LineInstrumentationException;
import io.pikos.weaver.lines.LineInstrumenter;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Puts pikos line probes into a build's class files, in place, so that {@code LineMonitor} and
 * {@code LineMemoryMonitor} record the program's lines. Runs after the compiler and after AspectJ
 * weaving (declare it after {@code aspectj-maven-plugin} in the same phase). A class already
 * instrumented by an earlier build, which the compiler did not rewrite, is left as it is.
 */
@Mojo(name = "instrument-lines", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class InstrumentLinesMojo extends AbstractMojo {

    /** The directory of class files to instrument; for test classes, {@code ${project.build.testOutputDirectory}}. */
    @Parameter(property = "pikos.lines.classesDirectory", defaultValue = "${project.build.outputDirectory}",
            required = true)
    private File classesDirectory;

    /**
     * Globs of the classes to instrument ({@code org.example.*} for one package, {@code org.example.**}
     * for a subtree); none means every class.
     */
    @Parameter
    private List<String> includes = List.of();

    /** Globs of classes to leave alone, even if included. */
    @Parameter
    private List<String> excludes = List.of();

    /** Skips the line pass. */
    @Parameter(property = "pikos.lines.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("pikos line probes: skipped");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            getLog().info("pikos line probes: no classes in " + classesDirectory);
            return;
        }
        try {
            LineInstrumenter.Summary summary = new LineInstrumenter().instrumentDirectory(classesDirectory.toPath(),
                    ClassNamePatterns.of(includes, excludes));
            getLog().info("pikos line probes: " + summary.instrumented() + " classes instrumented, "
                    + summary.unchanged() + " without lines to instrument, " + summary.alreadyInstrumented()
                    + " already instrumented, in " + classesDirectory);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("pikos line probes: " + e.getMessage(), e);
        } catch (LineInstrumentationException e) {
            throw new MojoFailureException("pikos line probes: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("pikos line probes: cannot rewrite classes in " + classesDirectory
                    + ": " + e.getMessage(), e);
        }
    }
}

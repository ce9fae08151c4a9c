package io.pikos.maven;

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
            LineInstrumenter.Summary summary = new LineInstrumenter().instrumentDirectory(classesDirectory.toPath());
            getLog().info("pikos line probes: " + summary.instrumented() + " classes instrumented, "
                    + summary.unchanged() + " without lines to instrument, " + summary.alreadyInstrumented()
                    + " already instrumented, in " + classesDirectory);
        } catch (LineInstrumentationException e) {
            throw new MojoFailureException("pikos line probes: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("pikos line probes: cannot rewrite classes in " + classesDirectory
                    + ": " + e.getMessage(), e);
        }
    }
}

package io.pikos.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;

/**
 * Weaves pikos into a module's classes, in place, after the compiler: method, call-out and line probes,
 * and the {@code @Monitored} factories. Checks {@code @Monitored} and captures each source file's path,
 * declaring lines and line text for the records, with no annotation processor to configure. The woven
 * classes need {@code io.pikos:pikos-runtime} at run time, and nothing else.
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class InstrumentMojo extends AbstractInstrumentMojo {

    @Override
    Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    @Override
    List<String> sourceRoots() {
        return project.getCompileSourceRoots();
    }

    @Override
    List<String> classpath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("pikos: the compile classpath is not resolved", e);
        }
    }

    @Override
    Path generatedSources() {
        return Path.of(project.getBuild().getDirectory(), "generated-sources", "pikos");
    }
}

package io.pikos.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache Commons Lang 3.20.0: its own JUnit 5 test suite, unwoven and woven. */
class CommonsLang3IT extends SuiteTransparency {

    private static final String PACKAGE = "org.apache.commons.lang3";

    @Override
    String library() {
        return "commons-lang3";
    }

    @Override
    String weave() {
        return PACKAGE + ".**";
    }

    @Override
    Map<String, String> jars() {
        Map<String, String> jars = new LinkedHashMap<>();
        jars.put("commons-lang3-3.20.0.jar", "commons-lang3");
        jars.put("commons-lang3-3.20.0-tests.jar", "commons-lang3-tests");
        return jars;
    }

    /** As its pom's java9+ profile: the reflection tests reach into java.base. */
    @Override
    List<String> jvmArgs() {
        return List.of("--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens",
                "java.base/java.time=ALL-UNNAMED", "--add-opens", "java.base/java.time.chrono=ALL-UNNAMED");
    }

    /**
     * Strings; equality by reflection over fields; stack traces (woven code must keep their frames); the
     * reflection utilities, whose tests count the declared fields of their test beds (woven classes must
     * declare the same members, synthetic ones included).
     */
    @Override
    List<String> ciSelection() {
        return classes(PACKAGE, "StringUtilsTest", "builder.EqualsBuilderTest", "exception.ExceptionUtilsTest",
                "reflect.FieldUtilsTest");
    }

    /** What the library's build runs: every top-level class named *Test. */
    @Override
    List<String> fullSelection() {
        return List.of("--package", PACKAGE, "--include", "[^$]*Test");
    }

    @Override
    Map<String, String> exclusions() {
        return Map.of();
    }
}

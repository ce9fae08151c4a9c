package io.pikos.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apache Commons Collections 4.5.0: its own JUnit 5 test suite, unwoven and woven. */
class CommonsCollections4IT extends SuiteTransparency {

    private static final String PACKAGE = "org.apache.commons.collections4";

    @Override
    String library() {
        return "commons-collections4";
    }

    @Override
    String weave() {
        return PACKAGE + ".**";
    }

    @Override
    Map<String, String> jars() {
        Map<String, String> jars = new LinkedHashMap<>();
        jars.put("commons-collections4-4.5.0.jar", "commons-collections4");
        jars.put("commons-collections4-4.5.0-tests.jar", "commons-collections4-tests");
        return jars;
    }

    /**
     * Collection utilities, then a hashed map and a bidirectional map, each through the suite's contract
     * tests (its abstract map tests, serialization against the files in its source tree included).
     */
    @Override
    List<String> ciSelection() {
        return classes(PACKAGE, "CollectionUtilsTest", "map.HashedMapTest", "bidimap.DualTreeBidiMapTest");
    }

    /** What the library's build runs: every top-level class named *Test but Abstract* and BulkTest. */
    @Override
    List<String> fullSelection() {
        return List.of("--package", PACKAGE, "--include", "(?!.*\\.(Abstract[^.]*|BulkTest)$)[^$]*Test");
    }

    @Override
    Map<String, String> exclusions() {
        return Map.of();
    }
}

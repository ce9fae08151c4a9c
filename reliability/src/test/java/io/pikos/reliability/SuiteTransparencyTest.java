package io.pikos.reliability;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How an expected difference is matched: by class and method in a test's unique id. */
class SuiteTransparencyTest {

    private static final String CLASS = "[engine:junit-jupiter]/[class:org.apache.commons.lang3.reflect.FieldUtilsTest]";

    @Test
    void a_test_is_its_class_and_method_name_without_parameters() {
        assertEquals("org.apache.commons.lang3.reflect.FieldUtilsTest#testGetAllFields",
                SuiteTransparency.testOf(CLASS + "/[method:testGetAllFields()]"));
        assertEquals("org.apache.commons.lang3.reflect.FieldUtilsTest#testGetAllFieldsList",
                SuiteTransparency.testOf(CLASS + "/[method:testGetAllFieldsList()]"));
        assertEquals("org.apache.commons.lang3.reflect.FieldUtilsTest#testWrite",
                SuiteTransparency.testOf(CLASS + "/[test-template:testWrite(java.lang.String)]/[test-template-invocation:#2]"));
    }

    @Test
    void a_container_is_no_test() {
        assertNull(SuiteTransparency.testOf(CLASS));
        assertNull(SuiteTransparency.testOf("[engine:junit-jupiter]"));
    }
}

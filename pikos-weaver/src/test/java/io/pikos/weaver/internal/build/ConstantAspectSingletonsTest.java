package io.pikos.weaver.internal.build;

import io.pikos.weaver.hooks.MethodHooks;
import io.pikos.weaver.hooks.MonitoredFactories;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step on this module's aspects, as built: the singletons are final and set, aspectOf()
 * still hands out the one instance, and running the step again changes nothing.
 */
class ConstantAspectSingletonsTest {

    @Test
    void the_built_aspects_hold_their_instance_in_a_final_field_set_by_the_static_initializer() throws Exception {
        for (Class<?> aspect : new Class<?>[] {MethodHooks.class, MonitoredFactories.class}) {
            Field instance = aspect.getField("ajc$perSingletonInstance");
            assertTrue(Modifier.isFinal(instance.getModifiers()), aspect + " has a final singleton");
            assertNotNull(instance.get(null), aspect + " is initialised");
            assertSame(instance.get(null), aspect.getMethod("aspectOf").invoke(null));
            assertTrue((Boolean) aspect.getMethod("hasAspect").invoke(null));
        }
    }

    @Test
    void running_the_step_again_leaves_the_class_as_it_is() throws IOException {
        for (Class<?> aspect : new Class<?>[] {MethodHooks.class, MonitoredFactories.class}) {
            try (InputStream in = aspect.getResourceAsStream(aspect.getSimpleName() + ".class")) {
                assertNull(ConstantAspectSingletons.rewrite(in.readAllBytes()));
            }
        }
    }
}

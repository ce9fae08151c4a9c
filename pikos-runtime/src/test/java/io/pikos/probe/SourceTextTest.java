package io.pikos.probe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourceTextTest {

    // class Outer {                 line 1
    //   void run() {                line 2
    //     Runnable r = new Runnable() {
    //       public void run() {     line 4
    //         work();               line 5
    //       }                       line 6
    //     };
    //     r.run();                  line 8
    //   }                           line 9
    //   void run(int times) {       line 10
    //     run();                    line 11
    //   }                           line 12
    //   Outer() {                   line 13
    //   }                           line 14
    // }
    private static final SourceText OUTER = new SourceText("src/Outer.java", 1, new String[0],
            "run,2,9;run,4,6;run,10,12;<init>,13,14");

    @Test
    void a_code_line_maps_to_the_innermost_declaration_of_that_name() {
        assertEquals(2, OUTER.declarationLine("run", 3));
        assertEquals(2, OUTER.declarationLine("run", 8));
        assertEquals(4, OUTER.declarationLine("run", 5));
        assertEquals(10, OUTER.declarationLine("run", 11));
        assertEquals(13, OUTER.declarationLine("<init>", 14));
    }

    @Test
    void a_code_line_outside_every_declaration_of_that_name_is_kept() {
        assertEquals(8, OUTER.declarationLine("lambda$run$0", 8));
        assertEquals(1, OUTER.declarationLine("<init>", 1)); // an implicit constructor: no declaration
        assertEquals(20, SourceText.NONE.declarationLine("run", 20));
    }

    @Test
    void malformed_declarations_are_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SourceText("p", 1, new String[0], "run,2"));
        assertEquals("malformed declaration 'run,2'", e.getMessage());
    }
}

package validation;

import java.util.List;

/** Nested loops with {@code continue}, labelled {@code break}, and enhanced {@code for} over an array and a list. */
public class NestedLoops {
    public static int run() {
        int hits = 0;                                     //@ 1
        outer:
        for (int i = 0; i < 3; i++) {                     //@ 2 11
            for (int j = 0; j < 2; j++) {                 //@ 3 6 10 12 15
                if (j == 0) {                             //@ 4 7 13 16
                    continue;                             //@ 5 14
                }
                if (i == 1) {                             //@ 8 17
                    break outer;                          //@ 18
                }
                hits++;                                   //@ 9
            }
        }
        for (int v : new int[] {4, 5}) {                  //@ 19 21 23
            hits += v;                                    //@ 20 22
        }
        for (String s : List.of("a")) {                   //@ 24 26
            hits += s.length();                           //@ 25
        }
        return hits;                                      //@ 27
    }
}

package validation;

import java.io.StringReader;

/** {@code try}/{@code catch}/{@code finally} (javac copies the finally block), try-with-resources, {@code synchronized}, an uncaught throw. */
public class Exceptions {
    public static int run() {
        int r = guarded(0) + guarded(5) + resources() + locked();  //@ 1
        try {
            fails();                                      //@javac 19  //@ecj 17
        } catch (IllegalStateException e) {               //@javac 23  //@ecj 21
            r++;                                          //@javac 24  //@ecj 22
        }
        return r;                                         //@javac 25  //@ecj 23
    }

    static int guarded(int x) {
        try {
            if (x > 1) {                                  //@javac 2 6  //@ecj 2 5
                throw new IllegalStateException("big");   //@javac 7  //@ecj 6
            }
            return 1;                                     //@javac 3 5  //@ecj 4
        } catch (IllegalStateException e) {               //@javac 8  //@ecj 7
            return 2;                                     //@javac 9 11  //@ecj 9
        } finally {
            x++;                                          //@javac 4 10  //@ecj 3 8
        }
    }

    static int resources() {
        try (StringReader reader = new StringReader("ab")) {  //@javac 12  //@ecj 10
            return reader.read();                         //@javac 13 15  //@ecj 11 13
        } catch (java.io.IOException e) {                 //@javac 14  //@ecj 12
            return -1;
        }
    }

    static int locked() {
        Object lock = new Object();                       //@javac 16  //@ecj 14
        synchronized (lock) {                             //@javac 17  //@ecj 15
            return 3;                                     //@javac 18  //@ecj 16
        }
    }

    static void fails() {
        int[] a = new int[1];                             //@javac 20  //@ecj 18
        a[0] = 1;                                         //@javac 21  //@ecj 19
        throw new IllegalStateException("out");           //@javac 22  //@ecj 20
    }
}

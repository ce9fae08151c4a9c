package validation;

/**
 * Constructors: field initializers, code before and after {@code super(...)}, {@code this(...)}, static
 * and instance initializers. This class is initialized before {@code run()} is monitored; {@code Lazy}
 * while it is. A void method's closing brace is a line: its return is there.
 */
public class Constructors {
    static int created = count(
            0);
    private final int a = 1;                              //@javac 4 14  //@ecj 5 16
    int b;

    {
        b = 2;                                            //@javac 5 15  //@ecj 6 17
    }

    Constructors(int x) {
        this(x,                                           //@ 2
                x + 1);                                   //@ecj 3
        b += x;                                           //@javac 8  //@ecj 9
    }                                                     //@javac 9  //@ecj 10

    Constructors(int x, int y) {
        super();                                          //@javac 3 13  //@ecj 4 15
        b += y;                                           //@javac 6 16  //@ecj 7 18
    }                                                     //@javac 7 17  //@ecj 8 19

    public static int run() {
        Constructors c = new Constructors(3);             //@ 1
        Derived d = new Derived();                        //@javac 10  //@ecj 11
        return c.a + c.b + d.b + Lazy.value;              //@javac 20  //@ecj 22
    }

    static int count(int start) {
        return start + 1;                                 //@javac 12 22  //@ecj 13 25
    }

    /** Initialized while run() runs: its static initializer's lines are recorded. */
    static class Lazy {
        static int value = count(                         //@javac 21  //@ecj 24
                10);                                      //@ecj 23

        static {
            value++;                                      //@javac 23  //@ecj 26
        }                                                 //@javac 24  //@ecj 27
    }

    static class Derived extends Constructors {
        Derived() {
            super(count(1),                               //@javac 11  //@ecj 12
                    2);                                   //@ecj 14
            b++;                                          //@javac 18  //@ecj 20
        }                                                 //@javac 19  //@ecj 21
    }
}

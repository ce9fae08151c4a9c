package validation;

/**
 * Constructors: field initializers, code before and after {@code super(...)}, {@code this(...)}, static
 * and instance initializers. This class is initialized before {@code run()} is monitored; {@code Lazy}
 * while it is. javac puts a void method's return on its closing brace, which is not reported: it holds
 * no statement.
 */
public class Constructors {
    static int created = count(
            0);
    private final int a = 1;                              //@javac 4 12  //@ecj 5 14
    int b;

    {
        b = 2;                                            //@javac 5 13  //@ecj 6 15
    }

    Constructors(int x) {
        this(x,                                           //@ 2
                x + 1);                                   //@ecj 3
        b += x;                                           //@javac 7  //@ecj 8
    }

    Constructors(int x, int y) {
        super();                                          //@javac 3 11  //@ecj 4 13
        b += y;                                           //@javac 6 14  //@ecj 7 16
    }

    public static int run() {
        Constructors c = new Constructors(3);             //@ 1
        Derived d = new Derived();                        //@javac 8  //@ecj 9
        return c.a + c.b + d.b + Lazy.value;              //@javac 16  //@ecj 18
    }

    static int count(int start) {
        return start + 1;                                 //@javac 10 18  //@ecj 11 21
    }

    /** Initialized while run() runs: its static initializer's lines are recorded. */
    static class Lazy {
        static int value = count(                         //@javac 17  //@ecj 20
                10);                                      //@ecj 19

        static {
            value++;                                      //@javac 19  //@ecj 22
        }
    }

    static class Derived extends Constructors {
        Derived() {
            super(count(1),                               //@javac 9  //@ecj 10
                    2);                                   //@ecj 12
            b++;                                          //@javac 15  //@ecj 17
        }
    }
}

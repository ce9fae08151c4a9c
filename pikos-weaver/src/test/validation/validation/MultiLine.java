package validation;

/**
 * Statements and expressions over several lines, objects created with arguments on later lines, long and double
 * locals. ECJ gives the {@code new} and the constructor call each a line-table entry on the line of {@code new}, so
 * that line is reported before the arguments' lines and again after them.
 */
public class MultiLine {
    public static int run() {
        String s = join("a",                              //@javac 1  //@ecj 1 4
                "b",                                      //@ecj 2
                3);                                       //@ecj 3
        StringBuilder b = new StringBuilder(              //@javac 3  //@ecj 6 12
                s.length()                                //@javac 4  //@ecj 7 11
                + twice(                                  //@javac 5  //@ecj 9
                        2));                              //@ecj 8
        long l = 3L;                                      //@javac 7  //@ecj 13
        double d = l * 1.5                                //@javac 8  //@ecj 14 17
                + twice(1);                               //@javac 9  //@ecj 15
        return b.capacity() + (int) d + s.length();       //@javac 11  //@ecj 18
    }

    static String join(String a, String b, int n) {
        return a + b + n;                                 //@javac 2  //@ecj 5
    }

    static int twice(int n) {
        return n * 2;                                     //@javac 6 10  //@ecj 10 16
    }
}

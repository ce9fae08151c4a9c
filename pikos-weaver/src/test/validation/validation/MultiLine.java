package validation;

/** Statements and expressions over several lines, objects created with arguments on later lines, long and double locals. */
public class MultiLine {
    public static int run() {
        String s = join("a",                              //@javac 1  //@ecj 1 4
                "b",                                      //@ecj 2
                3);                                       //@ecj 3
        StringBuilder b = new StringBuilder(              //@javac 3  //@ecj 11
                s.length()                                //@javac 4  //@ecj 6 10
                + twice(                                  //@javac 5  //@ecj 8
                        2));                              //@ecj 7
        long l = 3L;                                      //@javac 7  //@ecj 12
        double d = l * 1.5                                //@javac 8  //@ecj 13 16
                + twice(1);                               //@javac 9  //@ecj 14
        return b.capacity() + (int) d + s.length();       //@javac 11  //@ecj 17
    }

    static String join(String a, String b, int n) {
        return a + b + n;                                 //@javac 2  //@ecj 5
    }

    static int twice(int n) {
        return n * 2;                                     //@javac 6 10  //@ecj 9 15
    }
}

package validation;

/** {@code if}/{@code else}, a condition over several lines, and a ternary over several lines. */
public class Branches {
    public static int run() {
        return pick(1) + pick(-1) + pick(0);              //@ 1
    }

    static int pick(int x) {
        int r;
        if (x > 0) {                                      //@javac 2 7 13  //@ecj 2 8 17
            r = 1;                                        //@ 3
        } else if (x < 0                                  //@javac 8 14  //@ecj 9 18
                && x > -10) {                             //@ecj 10
            r = -1;                                       //@javac 9  //@ecj 11
        } else {                                          //@ecj 12
            r = 0;                                        //@javac 15  //@ecj 19
        }
        int s = x > 0                                     //@javac 4 10 16  //@ecj 4 6 13 15 20 22
                ? r * 2                                   //@ 5
                : r * 3;                                  //@javac 11 17  //@ecj 14 21
        return s;                                         //@javac 6 12 18  //@ecj 7 16 23
    }
}

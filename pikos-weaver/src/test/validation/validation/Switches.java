package validation;

/** Old {@code switch} (a table, a lookup, fall-through, on strings) and new {@code switch} (arrows, an expression with {@code yield}). */
public class Switches {
    public static int run() {
        return table(1) + table(3) + lookup(1000) + strings("b") + arrows(2) + expression(7);  //@ 1
    }

    static int table(int k) {
        int r = 0;                                        //@ 2 8
        switch (k) {                                      //@ 3 9
            case 1:
                r += 10;                                  //@ 4
            case 2:
                r += 20;                                  //@ 5
                break;                                    //@ 6
            default:
                r = -1;                                   //@ 10
        }
        return r;                                         //@ 7 11
    }

    static int lookup(int k) {
        switch (k) {                                      //@ 12
            case 1000:
                return 1;                                 //@ 13
            case -5:
                return 2;
            default:
                return 3;
        }
    }

    static int strings(String s) {
        switch (s) {                                      //@ 14
            case "a":
                return 1;
            case "b":
                return 2;                                 //@ 15
            default:
                return 0;
        }
    }

    static int arrows(int k) {
        int r;
        switch (k) {                                      //@ 16
            case 1 -> r = 5;
            case 2 -> {
                r = 6;                                    //@ 17
            }
            default -> r = 7;
        }
        return r;                                         //@ 18
    }

    static int expression(int k) {
        int r = switch (k) {                              //@javac 19  //@ecj 19 22
            case 1, 2 -> 1;
            default -> {
                int t = k * 2;                            //@ 20
                yield t;                                  //@ 21
            }
        };
        return r;                                         //@javac 22  //@ecj 23
    }
}

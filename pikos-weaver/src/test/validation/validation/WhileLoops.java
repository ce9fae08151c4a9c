package validation;

/** {@code while}, {@code do}/{@code while} with a compound condition, and a loop written on one line. */
public class WhileLoops {
    public static int run() {
        int n = 0;                                        //@ 1
        while (n < 2) {                                   //@ 2 4 6
            n++;                                          //@ 3 5
        }
        do {
            n--;                                          //@ 7 9
        } while (n > 0 && n != 5);                        //@ 8 10
        int s = 0; for (int i = 0; i < 3; i++) { s += i; }  //@ 11 12 13 14
        return n + s;                                     //@ 15
    }
}

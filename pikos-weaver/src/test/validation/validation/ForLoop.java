package validation;

/** A counted loop: its header line again at each iteration and once more when the test fails, as Python's {@code for}. */
public class ForLoop {
    public static int run() {
        int sum = 0;                                      //@ 1
        for (int i = 0; i < 3; i++) {                     //@ 2 4 6 8
            sum += i;                                     //@ 3 5 7
        }
        return sum;                                       //@ 9
    }
}

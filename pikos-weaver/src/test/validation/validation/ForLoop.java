package validation;

/**
 * A counted loop: its header line again at each iteration and once more when the test fails. Python
 * 3.11's tracer gives the same sequence for the same function written in Python ({@code sum = 0},
 * {@code for i in range(3):}, {@code sum += i}, {@code return sum}): lines 1 2 3 2 3 2 3 2 4 of it.
 */
public class ForLoop {
    public static int run() {
        int sum = 0;                                      //@ 1
        for (int i = 0; i < 3; i++) {                     //@ 2 4 6 8
            sum += i;                                     //@ 3 5 7
        }
        return sum;                                       //@ 9
    }
}

package io.pikos.cli.demo;

import org.apache.commons.lang3.ArrayUtils;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.math.NumberUtils;

/** Exercises a real third-party library, Apache Commons Lang, for pikos-run's in-process weaving tests. */
public final class LangDemo {

    private LangDemo() {
    }

    /**
     * Prints what a few of the library's functions make of fixed inputs.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        System.out.println(StringUtils.abbreviate("Pikos records what a Java program does", 20));
        System.out.println(StringUtils.capitalize(StringUtils.reverse("sokip")));
        System.out.println(String.join("|", StringUtils.split("a,b,,c", ',')));
        System.out.println(StringUtils.center("x", 7, '*'));
        System.out.println(StringUtils.wrap(StringUtils.repeat("ab", 3), '"'));
        System.out.println(NumberUtils.max(3, 9, 4) + " " + NumberUtils.toInt("12x", -1));
        int[] values = {1, 2, 3};
        ArrayUtils.reverse(values);
        System.out.println(ArrayUtils.toString(values) + " " + ArrayUtils.indexOf(values, 1));
    }
}

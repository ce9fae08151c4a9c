package io.pikos.cli.demo;

/** A program for pikos-run's tests: greets its arguments, through a nested class and a loop. */
public final class Greeter {

    private Greeter() {
    }

    /**
     * Prints one greeting per argument, or {@code hello, world} with none.
     *
     * @param args names
     */
    public static void main(String[] args) {
        String[] names = args.length == 0 ? new String[] {"world"} : args;
        for (String name : names) {
            System.out.println(Phrases.greet(name));
        }
    }

    static final class Phrases {
        private Phrases() {
        }

        static String greet(String name) {
            return "hello, " + name;
        }
    }
}

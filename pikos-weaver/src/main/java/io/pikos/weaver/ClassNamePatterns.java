package io.pikos.weaver;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Class-name globs, as {@code pikos-run --weave} and the Maven goal take them: {@code *} matches
 * within one package segment (so {@code org.example.*} is every class of {@code org.example}, nested
 * classes included), {@code **} matches across segments ({@code org.example.**} is the whole
 * subtree), {@code ?} matches one character. Names are binary names with dots, such as
 * {@code org.example.Outer$Inner}.
 */
public final class ClassNamePatterns {

    private ClassNamePatterns() {
    }

    /**
     * Makes a filter from globs.
     *
     * @param includes globs of the classes to take; empty takes every class
     * @param excludes globs of the classes to leave out, even if included
     * @return whether a binary class name is taken
     * @throws IllegalArgumentException if a glob is blank
     */
    public static Predicate<String> of(List<String> includes, List<String> excludes) {
        Predicate<String> included = includes.isEmpty() ? name -> true : anyOf(includes);
        Predicate<String> excluded = excludes.isEmpty() ? name -> false : anyOf(excludes);
        return name -> included.test(name) && !excluded.test(name);
    }

    private static Predicate<String> anyOf(List<String> globs) {
        StringBuilder regex = new StringBuilder();
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new IllegalArgumentException("a class-name pattern is empty");
            }
            regex.append(regex.length() == 0 ? "" : "|").append(toRegex(glob.strip()));
        }
        Pattern pattern = Pattern.compile(regex.toString());
        return name -> pattern.matcher(name).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("(?:");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.append(')').toString();
    }
}

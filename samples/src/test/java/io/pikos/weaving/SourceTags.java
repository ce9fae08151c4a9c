package io.pikos.weaving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code // @tag} comments of a fixture's source, by line, so that tests name lines, not numbers. */
final class SourceTags {

    private static final Pattern TAG = Pattern.compile("// (@\\w+)\\s*$");

    private final Map<Integer, String> tags = new HashMap<>();

    private SourceTags(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = TAG.matcher(lines.get(i));
            if (matcher.find()) {
                tags.put(i + 1, matcher.group(1));
            }
        }
    }

    static SourceTags of(Class<?> fixture) {
        Path source = Path.of("src/test/java", fixture.getName().replace('.', '/') + ".java");
        try {
            return new SourceTags(Files.readAllLines(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the line that carries a tag. */
    int line(String tag) {
        return tags.entrySet().stream().filter(e -> e.getValue().equals(tag)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line is tagged " + tag));
    }

    /** Returns the line's tag, or {@code L<n>} for an untagged line. */
    String tag(int line) {
        return tags.getOrDefault(line, "L" + line);
    }
}

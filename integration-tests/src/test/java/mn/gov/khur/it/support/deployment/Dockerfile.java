package mn.gov.khur.it.support.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instructions of a multi-stage Dockerfile, read the way {@code docker build} reads them (comment
 * lines dropped, backslash continuations joined), so a test can replay them without a Docker engine.
 * Only what our Dockerfiles use: ARG, FROM, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK, ENTRYPOINT, CMD (exec form).
 */
public record Dockerfile(List<Stage> stages) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    public record Stage(String name, Map<String, String> env, List<Copy> copies, List<String> runs, List<String> entrypoint,
                        List<String> cmd) {
    }

    /** {@code COPY [--from=stage] [--chown=…] source… destination}. */
    public record Copy(String fromStage, List<String> sources, String destination) {
    }

    public static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        Stage current = null;
        for (String instruction : instructions(Files.readAllLines(file))) {
            String[] split = instruction.split("\\s+", 2);
            String keyword = split[0].toUpperCase(java.util.Locale.ROOT);
            String rest = split.length > 1 ? split[1].strip() : "";
            switch (keyword) {
                case "FROM" -> {
                    String[] from = rest.split("\\s+");
                    String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
                    current = new Stage(name, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    stages.add(current);
                }
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(rest);
                    while (pair.find()) {
                        current.env().put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
                case "COPY" -> current.copies().add(copy(rest));
                case "RUN" -> current.runs().add(rest);
                case "ENTRYPOINT" -> current.entrypoint().addAll(new ObjectMapper().readValue(rest, new TypeReference<List<String>>() { }));
                case "CMD" -> current.cmd().addAll(new ObjectMapper().readValue(rest, new TypeReference<List<String>>() { }));
                case "ARG", "USER", "EXPOSE", "HEALTHCHECK" -> {
                    // nothing to replay on loopback
                }
                default -> throw new IllegalArgumentException("instruction the emulation does not know: " + instruction);
            }
        }
        return new Dockerfile(stages);
    }

    public Stage stage(String name) {
        return stages.stream().filter(stage -> name.equals(stage.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    public Stage last() {
        return stages.get(stages.size() - 1);
    }

    private static Copy copy(String rest) {
        List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
        String from = null;
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String flag = words.remove(0);
            if (flag.startsWith("--from=")) {
                from = flag.substring("--from=".length());
            }
        }
        String destination = words.remove(words.size() - 1);
        return new Copy(from, List.copyOf(words), destination);
    }

    /** Comment lines go first (Docker drops them even inside a continued instruction), then continuations join. */
    static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            if (!pending.toString().isBlank()) {
                instructions.add(pending.toString().strip());
            }
            pending.setLength(0);
        }
        return instructions;
    }
}

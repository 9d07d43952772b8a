package mn.gov.khur.it.support.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import mn.gov.khur.it.support.KeycloakServer;

/**
 * {@code docker/Dockerfile} replayed on loopback: the stock Keycloak distribution (the same bytes as the
 * official image's /opt/keycloak), the Dockerfile's COPY instructions from the repository, its RUN
 * ({@code kc.sh build}) with the build stage's ENV, and its ENTRYPOINT with the final stage's ENV. What
 * starts is what the image would hold, minus the base OS.
 */
public final class ImageOnLoopback {

    private static final String IMAGE_HOME = "/opt/keycloak";

    private final Dockerfile dockerfile;
    private final Path repositoryRoot;
    private final Path home;

    private ImageOnLoopback(Dockerfile dockerfile, Path repositoryRoot, Path home) {
        this.dockerfile = dockerfile;
        this.repositoryRoot = repositoryRoot;
        this.home = home;
    }

    /** Unpacks the distribution, applies every stage's COPY and RUN in order. */
    public static ImageOnLoopback build(Path dockerfilePath, Path repositoryRoot, Path distributionZip, Path work)
            throws IOException, InterruptedException {
        Dockerfile dockerfile = Dockerfile.read(dockerfilePath);
        Path home = work.resolve("opt-keycloak");
        KeycloakServer.deleteRecursively(home);
        unpackDistribution(distributionZip, home);
        ImageOnLoopback image = new ImageOnLoopback(dockerfile, repositoryRoot, home);
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (Dockerfile.Copy copy : stage.copies()) {
                image.copy(copy);
            }
            for (String run : stage.runs()) {
                image.run(run, stage.env(), work);
            }
        }
        return image;
    }

    public Path home() {
        return home;
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** ENTRYPOINT + CMD with the final stage's ENV plus the deployment's own (database, hostname, secrets). */
    public ProcessBuilder entrypoint(Map<String, String> deploymentEnv) {
        Dockerfile.Stage last = dockerfile.last();
        List<String> command = new ArrayList<>(last.entrypoint());
        command.addAll(last.cmd());
        return inImage(command, deploymentEnv);
    }

    /** Another program of the image (e.g. /opt/keycloak/bin/khur-realm-apply) with the final stage's ENV. */
    public ProcessBuilder program(List<String> commandInImage, Map<String, String> deploymentEnv) {
        return inImage(new ArrayList<>(commandInImage), deploymentEnv);
    }

    private ProcessBuilder inImage(List<String> command, Map<String, String> deploymentEnv) {
        Dockerfile.Stage last = dockerfile.last();
        command.set(0, local(command.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(last.env());
        env.putAll(deploymentEnv);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private void copy(Dockerfile.Copy copy) throws IOException {
        if (copy.fromStage() != null) {
            // only "the built /opt/keycloak of the build stage", which is this same tree
            if (!copy.sources().equals(List.of(IMAGE_HOME + "/")) || !copy.destination().equals(IMAGE_HOME + "/")) {
                throw new IllegalArgumentException("COPY --from the emulation does not know: " + copy);
            }
            return;
        }
        for (String source : copy.sources()) {
            List<Path> matches = resolve(source);
            if (matches.isEmpty()) {
                throw new IllegalStateException("COPY source matches nothing (build first?): " + source);
            }
            Path destination = local(copy.destination());
            for (Path match : matches) {
                Path target = copy.destination().endsWith("/") ? destination.resolve(match.getFileName().toString()) : destination;
                Files.createDirectories(target.getParent());
                Files.copy(match, target, StandardCopyOption.REPLACE_EXISTING);
                if (Files.isExecutable(match)) {
                    target.toFile().setExecutable(true); // Docker keeps the build context's mode
                }
            }
        }
    }

    private void run(String command, Map<String, String> stageEnv, Path work) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(List.of(command.split("\\s+")));
        if (!words.get(0).startsWith(IMAGE_HOME + "/bin/")) {
            throw new IllegalArgumentException("RUN the emulation does not know: " + command);
        }
        words.set(0, local(words.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(words).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("image-build.log").toFile());
        builder.environment().putAll(stageEnv);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("RUN " + command + " failed (" + exit + "):\n"
                    + Files.readString(work.resolve("image-build.log")));
        }
    }

    /** A source of the build context: a file or {@code dir/*.ext}. */
    private List<Path> resolve(String source) throws IOException {
        Path path = repositoryRoot.resolve(source);
        String name = path.getFileName().toString();
        if (!name.contains("*")) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path.getParent(), name)) {
            stream.forEach(matches::add);
        }
        return matches;
    }

    private Path local(String imagePath) {
        if (!imagePath.startsWith(IMAGE_HOME)) {
            throw new IllegalArgumentException("outside " + IMAGE_HOME + ": " + imagePath);
        }
        String relative = imagePath.substring(IMAGE_HOME.length()).replaceFirst("^/", "");
        return relative.isEmpty() ? home : home.resolve(relative);
    }

    /** keycloak-26.7.5/… → home/…, with the scripts executable (zip entries carry no modes here). */
    public static void unpackDistribution(Path zip, Path home) throws IOException {
        int files = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the tree: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                    files++;
                }
            }
        }
        if (files == 0) {
            throw new IOException("empty distribution: " + zip);
        }
    }
}

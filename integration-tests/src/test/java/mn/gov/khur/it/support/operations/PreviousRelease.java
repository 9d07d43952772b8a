package mn.gov.khur.it.support.operations;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import mn.gov.khur.it.support.KeycloakServer;
import mn.gov.khur.it.support.deployment.ImageOnLoopback;

/**
 * The server tree as the previous Keycloak patch ran it: that version's distribution (resolved from Maven Central by
 * the test build), our provider jars, keycloak.conf and realm import from the tree the tests assembled, built for
 * PostgreSQL in production mode like {@code ClusterNode.buildDistribution}.
 */
public final class PreviousRelease {

    private PreviousRelease() {
    }

    public static Path build(Path distributionZip, Path workDir) throws IOException, InterruptedException {
        Path current = Path.of(KeycloakServer.requiredProperty("khur.server.home"));
        Path home = workDir.resolve("previous-dist");
        KeycloakServer.deleteRecursively(home);
        ImageOnLoopback.unpackDistribution(distributionZip, home);
        copyAll(current.resolve("providers"), home.resolve("providers"), "*.jar");
        copyAll(current.resolve("conf"), home.resolve("conf"), "keycloak.conf");
        copyAll(current.resolve("data/import"), home.resolve("data/import"), "*.json");
        ProcessBuilder build = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "build", "--db=postgres",
                "--health-enabled=true", "--metrics-enabled=true", "--cache=ispn"))
                .directory(home.toFile()).redirectErrorStream(true);
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = build.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build of the previous release failed:\n" + output);
        }
        return home;
    }

    private static void copyAll(Path from, Path to, String glob) throws IOException {
        Files.createDirectories(to);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from, glob)) {
            for (Path file : files) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

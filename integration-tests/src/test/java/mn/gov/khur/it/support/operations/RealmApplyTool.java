package mn.gov.khur.it.support.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mn.gov.khur.it.support.KeycloakServer;

/** {@code realm-apply} as an operator runs it: its own JVM, the built class path, the environment only. */
public final class RealmApplyTool {

    /** What one run printed and how it ended. */
    public record Run(int exit, String output) {
    }

    private RealmApplyTool() {
    }

    public static Run run(String serverUrl, Path file, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        Path lib = Path.of(KeycloakServer.requiredProperty("khur.realm-apply.lib"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib + "/*", "mn.gov.khur.realmapply.Main", "--server", serverUrl, "--file", file.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KHUR_ADMIN_USERNAME", "admin");
        builder.environment().put("KHUR_ADMIN_PASSWORD", "admin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("realm-apply did not end:\n" + output);
        }
        System.out.println("realm-apply " + String.join(" ", arguments) + " → exit " + process.exitValue() + "\n" + output);
        return new Run(process.exitValue(), output);
    }
}

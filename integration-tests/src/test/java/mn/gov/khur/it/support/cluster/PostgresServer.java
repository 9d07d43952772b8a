package mn.gov.khur.it.support.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private PostgreSQL 15 from the machine's binaries (/usr/lib/postgresql/15/bin), in a temp
 * directory on a free loopback port, run as the {@code postgres} system user (PostgreSQL refuses
 * root). Trust authentication on loopback only: a throwaway test database.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("KHUR_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path dataDir;
    private final int port;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 binaries not found at " + BIN + " (Debian package postgresql-15)");
        }
        Path root = Files.createTempDirectory("khur-pg");
        Path data = root.resolve("data");
        run(List.of("chown", "-R", "postgres:postgres", root.toString()));
        int port = ClusterPorts.free();
        asPostgres(BIN.resolve("initdb") + " -D " + data + " -U keycloak --auth=trust -E UTF8 --locale=C.UTF-8");
        asPostgres(BIN.resolve("pg_ctl") + " -D " + data + " -l " + root.resolve("postgres.log") + " -w -t 60"
                + " -o '-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c max_connections=200' start");
        return new PostgresServer(data, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** One query through psql, rows as lines (tuples only, unaligned). */
    public String query(String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "keycloak", "-d", "postgres", "-tAc", sql)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        try {
            asPostgres(BIN.resolve("pg_ctl") + " -D " + dataDir + " -m fast -w stop");
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // best effort at the end of a test run
        }
    }

    private static void asPostgres(String command) throws IOException, InterruptedException {
        run(List.of("runuser", "-u", "postgres", "--", "sh", "-c", command));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}

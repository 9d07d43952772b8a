package mn.gov.khur.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SAML site as many government sites run one: Debian's Apache with {@code mod_auth_mellon} (Lasso) protecting
 * {@code /secret/}, on a loopback port. Its metadata is made by mellon's own {@code mellon_create_metadata} (signing and
 * encryption key), ХУР's IdP metadata is downloaded from the descriptor endpoint, as a site's admin does. The protected
 * page answers with the SAML attribute {@code register_number} in header {@code X-Register-Number}.
 * <p>
 * Apache's children run as {@code www-data}, so the files live in a world-readable temporary directory.
 */
public final class MellonServiceProvider implements AutoCloseable {

    private static final Path APACHE = Path.of("/usr/sbin/apache2");
    private static final Path MELLON = Path.of("/usr/lib/apache2/modules/mod_auth_mellon.so");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    private final Path work;
    private final int port;
    private final Process apache;

    private MellonServiceProvider(Path work, int port, Process apache) {
        this.work = work;
        this.port = port;
        this.apache = apache;
    }

    public static MellonServiceProvider start(String idpMetadata) throws IOException, InterruptedException {
        if (!Files.isExecutable(APACHE) || !Files.exists(MELLON)) {
            throw new IllegalStateException("Apache or mod_auth_mellon not installed (Debian packages apache2, "
                    + "libapache2-mod-auth-mellon; .ci/run installs them)");
        }
        int port = freePort();
        Path work = Files.createTempDirectory("khur-mellon-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String entityId = "http://localhost:" + port + "/mellon/metadata";
        Process create = new ProcessBuilder("mellon_create_metadata", entityId, "http://localhost:" + port + "/mellon")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String created = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (create.waitFor() != 0) {
            throw new IllegalStateException("mellon_create_metadata failed: " + created);
        }
        // the script names its files after the entity id: [^0-9A-Za-z.] → _, runs of _ collapsed
        String base = entityId.replaceAll("[^0-9A-Za-z.]", "_").replaceAll("_+", "_");
        if (!Files.exists(work.resolve(base + ".key"))) {
            throw new IllegalStateException("mellon_create_metadata made no " + base + ".key: " + created);
        }
        Files.writeString(work.resolve("idp.xml"), idpMetadata);
        Files.createDirectories(work.resolve("htdocs/secret"));
        Files.writeString(work.resolve("htdocs/secret/index.html"), "<!doctype html><title>secret</title><p>logged in</p>\n");
        Files.writeString(work.resolve("httpd.conf"), """
                ServerRoot %1$s
                ServerName localhost
                Listen 127.0.0.1:%2$d
                PidFile %1$s/httpd.pid
                ErrorLog %1$s/error.log
                LogLevel info auth_mellon:debug
                LoadModule mpm_event_module %3$s/mod_mpm_event.so
                LoadModule authz_core_module %3$s/mod_authz_core.so
                LoadModule authz_user_module %3$s/mod_authz_user.so
                LoadModule authn_core_module %3$s/mod_authn_core.so
                LoadModule headers_module %3$s/mod_headers.so
                LoadModule auth_mellon_module %3$s/mod_auth_mellon.so
                User www-data
                Group www-data
                DocumentRoot %1$s/htdocs
                <Location />
                  MellonEnable info
                  MellonEndpointPath /mellon
                  MellonSPEntityId %4$s
                  MellonSPPrivateKeyFile %1$s/%5$s.key
                  MellonSPCertFile %1$s/%5$s.cert
                  MellonSPMetadataFile %1$s/%5$s.xml
                  MellonIdPMetadataFile %1$s/idp.xml
                </Location>
                <Location /secret>
                  AuthType Mellon
                  MellonEnable auth
                  Require valid-user
                  Header always set X-Register-Number "%%{MELLON_register_number}e"
                </Location>
                """.formatted(work, port, MODULES, entityId, base));
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Process apache = new ProcessBuilder(APACHE.toString(), "-f", work.resolve("httpd.conf").toString(), "-DFOREGROUND")
                .redirectErrorStream(true).redirectOutput(work.resolve("apache.out").toFile()).start();
        MellonServiceProvider sp = new MellonServiceProvider(work, port, apache);
        sp.awaitListening();
        return sp;
    }

    /** The metadata mellon made: what the site sends ХУР's operators. */
    public String metadata() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            Path xml = files.filter(file -> file.getFileName().toString().endsWith("_metadata.xml")).findFirst().orElseThrow();
            return Files.readString(xml);
        }
    }

    public URI protectedPage() {
        return URI.create("http://localhost:" + port + "/secret/index.html");
    }

    public boolean isHere(URI uri) {
        return uri.getPort() == port && "localhost".equals(uri.getHost());
    }

    /** Apache's error log (mod_auth_mellon logs there, at debug level). */
    public String errorLog() throws IOException {
        Path log = work.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitListening() throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            if (!apache.isAlive()) {
                throw new IllegalStateException("Apache exited: " + Files.readString(work.resolve("apache.out")) + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Apache did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        apache.destroy();
        if (!apache.waitFor(15, TimeUnit.SECONDS)) {
            apache.destroyForcibly();
        }
    }
}

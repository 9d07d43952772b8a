package mn.gov.khur.sandbox.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Writes certificates, keys and CRLs as PEM, the format operators and Keycloak's config read. */
final class Pem {

    private Pem() {
    }

    static String encode(List<?> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void write(Path file, List<?> objects) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, encode(objects), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

package mn.gov.khur.sandbox.xyp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code /sandbox-registry.json}: whom the sandbox ХУР knows in bin/dev. */
public final class SandboxRegistryPeople {

    private record File(String description, List<RegistryPerson> people) {
    }

    private SandboxRegistryPeople() {
    }

    public static List<RegistryPerson> load() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = SandboxRegistryPeople.class.getResourceAsStream("/sandbox-registry.json")) {
            if (in == null) {
                throw new IllegalStateException("sandbox-registry.json missing from the classpath");
            }
            return List.copyOf(json.readValue(in, File.class).people());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

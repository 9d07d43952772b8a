package mn.gov.khur.sandbox.citizens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Loads the sandbox citizens from the classpath resource {@value #RESOURCE}. */
public final class SandboxCitizens {

    public static final String RESOURCE = "/sandbox-citizens.json";

    private record File(String description, List<SandboxCitizen> citizens) {
    }

    private final List<SandboxCitizen> citizens;

    private SandboxCitizens(List<SandboxCitizen> citizens) {
        this.citizens = List.copyOf(citizens);
    }

    public static SandboxCitizens load() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = SandboxCitizens.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new SandboxCitizens(mapper.readValue(in, File.class).citizens());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<SandboxCitizen> all() {
        return citizens;
    }

    public Optional<SandboxCitizen> byPhone(String e164) {
        return citizens.stream().filter(c -> c.phone().equals(e164)).findFirst();
    }
}

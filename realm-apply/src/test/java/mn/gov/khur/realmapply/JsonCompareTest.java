package mn.gov.khur.realmapply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class JsonCompareTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void onlyWhatTheFileSaysIsComparedScalarsByTextAndScalarArraysAsSets() throws Exception {
        JsonNode file = json("{\"enabled\":\"true\",\"ttl\":300,\"uris\":[\"b\",\"a\"],\"empty\":\"\"}");
        JsonNode live = json("{\"enabled\":true,\"ttl\":\"300\",\"uris\":[\"a\",\"b\"],\"serverOnly\":1}");
        assertThat(JsonCompare.differences("", file, live)).isEmpty();
    }

    @Test
    void aDifferentValueAMissingOneAndADifferentSetAreReported() throws Exception {
        JsonNode file = json("{\"ttl\":240,\"name\":\"x\",\"uris\":[\"a\",\"c\"],\"ignored\":1}");
        JsonNode live = json("{\"ttl\":300,\"uris\":[\"a\"],\"ignored\":2}");
        assertThat(JsonCompare.differences("", file, live, Set.of("ignored")))
                .containsExactly(".ttl: 300 → 240", ".name: (unset) → x", ".uris: [a] → [a, c]");
    }

    @Test
    void aMaskedSecretIsNeverADifference() throws Exception {
        assertThat(JsonCompare.differences("", json("{\"config\":{\"clientSecret\":\"s3cret\"}}"),
                json("{\"config\":{\"clientSecret\":\"**********\"}}"))).isEmpty();
    }

    @Test
    void configurationValuesTreatEmptyAsUnsetAndMaskedAsUnknown() {
        assertThat(Flows.sameConfig(Map.of("a", "", "b", "1", "p", "new"), Map.of("b", "1", "p", "**********"))).isTrue();
        assertThat(Flows.sameConfig(Map.of("b", "2"), Map.of("b", "1"))).isFalse();
    }

    @Test
    void secretsSaltsPasswordsAndCredentialsAreNeverPrinted() throws Exception {
        JsonNode file = json("{\"secret\":\"file-secret\",\"config\":{\"pairwiseSubAlgorithmSalt\":\"file-salt\","
                + "\"apPassword\":[\"file-pw\"],\"bindCredential\":\"file-cred\"},\"name\":\"x\"}");
        JsonNode live = json("{\"secret\":\"live-secret\",\"config\":{\"pairwiseSubAlgorithmSalt\":\"live-salt\","
                + "\"apPassword\":[\"live-pw\"]},\"name\":\"y\"}");

        List<String> lines = JsonCompare.differences("", file, live);

        assertThat(lines).containsExactlyInAnyOrder(".secret: (hidden) → (hidden, differs)",
                ".config.pairwiseSubAlgorithmSalt: (hidden) → (hidden, differs)", ".config.apPassword: (hidden) → (hidden, differs)",
                ".config.bindCredential: (unset) → (hidden, differs)", ".name: \"y\" → x");
        assertThat(String.join("\n", lines)).doesNotContain("file-").doesNotContain("live-");
        assertThat(JsonCompare.line(".config", "{\"clientSecret\":\"s\"}", "{}")).doesNotContain("\"s\"");
    }

    @Test
    void aBodyPutOverALiveObjectCarriesKeycloaksMaskWhereverTheLiveObjectShowsIt() throws Exception {
        ObjectNode body = (ObjectNode) json("{\"displayName\":\"Голомт\",\"config\":{\"clientSecret\":\"\",\"clientId\":\"khur\"},"
                + "\"secretList\":[\"file\"],\"smtpServer\":{\"password\":\"file\"}}");
        JsonNode live = json("{\"displayName\":\"Golomt\",\"config\":{\"clientSecret\":\"**********\",\"clientId\":\"old\"},"
                + "\"secretList\":[\"**********\"],\"smtpServer\":{\"password\":\"**********\"}}");

        Secrets.keepMasked(body, live);

        assertThat(body.toString()).isEqualTo("{\"displayName\":\"Голомт\",\"config\":{\"clientSecret\":\"**********\","
                + "\"clientId\":\"khur\"},\"secretList\":[\"**********\"],\"smtpServer\":{\"password\":\"**********\"}}");
    }
}

package mn.gov.khur.esign.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The codes js/khur-esign-token.js posts, each to its own message; anything else is "other". */
class ClientErrorTest {

    @Test
    void thePagesCodesAreTheLowerCaseNames() {
        assertThat(ClientError.reported("not_running")).contains(ClientError.NOT_RUNNING);
        assertThat(ClientError.reported("pin_refused")).contains(ClientError.PIN_REFUSED);
        assertThat(ClientError.reported("cancelled")).contains(ClientError.CANCELLED);
        assertThat(ClientError.reported("no_token")).contains(ClientError.NO_TOKEN);
        assertThat(ClientError.reported(" timeout ")).contains(ClientError.TIMEOUT);
        assertThat(ClientError.reported("origin_mismatch")).contains(ClientError.ORIGIN_MISMATCH);
        assertThat(ClientError.ORIGIN_MISMATCH.code()).isEqualTo("origin_mismatch");
    }

    @Test
    void unknownCodesAreOtherAndNoCodeIsNoError() {
        assertThat(ClientError.reported("NOT_RUNNING")).contains(ClientError.OTHER);
        assertThat(ClientError.reported("<script>")).contains(ClientError.OTHER);
        assertThat(ClientError.reported("  ")).isEmpty();
        assertThat(ClientError.reported(null)).isEmpty();
    }
}

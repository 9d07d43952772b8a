package mn.gov.khur.it.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import mn.gov.khur.it.support.AdminApi;
import mn.gov.khur.it.support.HttpBrowser;
import mn.gov.khur.it.support.KhurServerExtension;
import mn.gov.khur.it.support.OidcRelyingParty;
import mn.gov.khur.it.support.PasswordGuessing;
import mn.gov.khur.it.support.TestCitizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 8: an account locked by wrong passwords (from enough networks, as an attacker can do at will) still
 * logs in with its bank. Keycloak's broker refuses a temporarily locked account for a bank identity already linked to
 * it, before any flow of ours runs; the first, linking, bank login is not checked by it.
 */
@ExtendWith(KhurServerExtension.class)
class LockedAccountBankLoginIT {

    private final AdminApi admin = new AdminApi();
    private final OidcRelyingParty rp = OidcRelyingParty.demo();

    @Test
    void aCitizenLockedOutByWrongPasswordsStillLogsInWithTheirLinkedBank() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.KHAN, citizen.registerNumber());
        OidcRelyingParty.PendingLogin linking = rp.begin();
        HttpBrowser.Page linked = SandboxBanks.logIn(new HttpBrowser("mn"), linking.authorizationUri(), customer);
        assertThat(rp.finish(linking, linked.uri()).idToken().getSubject()).isEqualTo(userId);

        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 90);
        assertThat(PasswordGuessing.locked(admin, userId)).isTrue();

        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = SandboxBanks.logIn(new HttpBrowser("mn"), login.authorizationUri(), customer);
        assertThat(back.leftIdp()).as("logged in by bank despite the lock, page was: %s", back.body()).isTrue();
        OidcRelyingParty.LoginResult result = rp.finish(login, back.uri());
        assertThat(result.idToken().getSubject()).isEqualTo(userId);
        assertThat(result.idToken().getClaim("amr")).isEqualTo(List.of("bank"));
        assertThat(PasswordGuessing.locked(admin, userId)).as("like any successful login, it clears the count").isFalse();
    }

    @Test
    void aBankIdentityNotYetLinkedLinksToALockedAccountToo() {
        TestCitizen citizen = TestCitizen.random();
        String userId = admin.createCitizen(citizen);
        PasswordGuessing.lockFromManyNetworks(admin, userId, citizen.registerNumber(), 120);
        SandboxBanks.Customer customer = SandboxBanks.customer(admin, SandboxBanks.GOLOMT, citizen.registerNumber());

        OidcRelyingParty.PendingLogin login = rp.begin();
        HttpBrowser.Page back = SandboxBanks.logIn(new HttpBrowser("mn"), login.authorizationUri(), customer);
        assertThat(back.leftIdp()).as("page was: %s", back.body()).isTrue();
        assertThat(rp.finish(login, back.uri()).idToken().getSubject()).isEqualTo(userId);
    }
}

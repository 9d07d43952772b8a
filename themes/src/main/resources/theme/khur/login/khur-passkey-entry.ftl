<#-- ХУР: the passkey method of the entry page (login.ftl), in place of keycloak.v2's passkeys.conditionalUIData.
     Rendered only when Keycloak filled the passkey attributes (feature "passkeys" + the realm's passwordless
     policy with passkeys on): #khur-method-passkey "Passkey-ээр нэвтрэх" asks the browser for a passkey of this
     site; the register-number field (autocomplete "username webauthn") offers them as autofill too (conditional
     mediation, Keycloak's passkeysConditionalAuth.js). Either posts the assertion in the hidden form #webauth to
     the same step as the password (Keycloak's field names). The button stays hidden where the browser has no
     WebAuthn, so nobody is offered what cannot work. The cookie KHUR_PASSKEY_DEVICE records whether this device
     can keep a passkey itself (a user-verifying platform authenticator): only then is a passkey offered after
     login (khur-passkey-offer). -->
<#macro entry>
    <#if enableWebAuthnConditionalUI?has_content>
        <section id="khur-passkey" class="khur-passkey" aria-labelledby="khur-method-passkey">
            <button type="button" id="khur-method-passkey" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    aria-describedby="khur-passkey-hint" hidden>${msg("khurPasskeyLogin")}</button>
            <p id="khur-passkey-hint" class="khur-hint" hidden>${msg("khurPasskeyLoginHint")}</p>
        </section>
        <form id="webauth" action="${url.loginAction}" method="post" hidden>
            <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
            <input type="hidden" id="authenticatorData" name="authenticatorData"/>
            <input type="hidden" id="signature" name="signature"/>
            <input type="hidden" id="credentialId" name="credentialId"/>
            <input type="hidden" id="userHandle" name="userHandle"/>
            <input type="hidden" id="error" name="error"/>
        </form>
        <#if authenticators??>
            <form id="authn_select" hidden>
                <#list authenticators.authenticators as authenticator>
                    <input type="hidden" name="authn_use_chk" value="${authenticator.credentialId}"/>
                </#list>
            </form>
        </#if>
        <script type="module">
            <#outputformat "JavaScript">
            import { authenticateByWebAuthn } from "${url.resourcesPath}/js/webauthnAuthenticate.js";
            import { initAuthenticate } from "${url.resourcesPath}/js/passkeysConditionalAuth.js";

            const args = {
                isUserIdentified : ${isUserIdentified},
                challenge : ${challenge?c},
                userVerification : ${userVerification?c},
                rpId : ${rpId?c},
                createTimeout : ${createTimeout?c},
                mediation : ${(mediation!'conditional')?c},
                authenticatorAttachment : ${authenticatorAttachment?c},
            };
            const rememberDevice = (canHoldPasskey) => {
                const realmPath = location.pathname.replace(/\/(protocol|login-actions)\/.*$/, '/');
                document.cookie = 'KHUR_PASSKEY_DEVICE=' + (canHoldPasskey ? 'platform' : 'none') + '; path=' + realmPath
                    + '; max-age=34560000; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
            };
            if (window.PublicKeyCredential && PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable) {
                PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().then(rememberDevice, () => rememberDevice(false));
            }
            if (window.PublicKeyCredential) {
                const button = document.getElementById('khur-method-passkey');
                button.hidden = false;
                document.getElementById('khur-passkey-hint').hidden = false;
                button.addEventListener('click', (event) => {
                    event.preventDefault();
                    authenticateByWebAuthn({ errmsg : ${msg("passkey-unsupported-browser-text")?c}, ...args });
                });
                initAuthenticate({ errmsg : ${msg("passkey-unsupported-browser-text")?c}, ...args });
            }
            </#outputformat>
        </script>
    </#if>
</#macro>

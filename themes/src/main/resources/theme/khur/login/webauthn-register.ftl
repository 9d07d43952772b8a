<#-- ХУР: creating a passkey (Keycloak's passwordless registration attributes: challenge, userid, rpId, …).
     Two uses: the offer right after a fresh login (attribute khurPasskeyOffer, required action khur-passkey-offer:
     why, and "Алгасах"), and Keycloak's own registration from the account console. No window.prompt for a name:
     the passkey is named after this device (khurPasskeyLabel, e.g. "Chrome, Android") and can be renamed later.
     Ids: #khur-passkey-create, #khur-passkey-skip (offer only), #register (the form Keycloak reads). -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout; section>
    <#if section = "header">
        <#if khurPasskeyOffer??>${msg("khurPasskeyOfferTitle")}<#else>${msg("webauthn-registration-title")}</#if>
    <#elseif section = "form">
        <div class="${properties.kcFormClass!}">
            <#if khurPasskeyOffer??>
                <p id="khur-passkey-offer-text" class="khur-intro">${msg("khurPasskeyOfferText")}</p>
                <ul class="khur-passkey__points">
                    <li>${msg("khurPasskeyOfferPointNoSms")}</li>
                    <li>${msg("khurPasskeyOfferPointDevice")}</li>
                    <li>${msg("khurPasskeyOfferPointPhishing")}</li>
                </ul>
            <#else>
                <p class="khur-intro">${msg("khurPasskeyRegisterText")}</p>
            </#if>
            <form id="register" action="${url.loginAction}" method="post" hidden>
                <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
                <input type="hidden" id="attestationObject" name="attestationObject"/>
                <input type="hidden" id="publicKeyCredentialId" name="publicKeyCredentialId"/>
                <input type="hidden" id="authenticatorLabel" name="authenticatorLabel" value="${(khurPasskeyLabel!msg("webauthn-registration-init-label"))}"/>
                <input type="hidden" id="transports" name="transports"/>
                <input type="hidden" id="authenticatorAttachment" name="authenticatorAttachment"/>
                <input type="hidden" id="error" name="error"/>
            </form>
            <p id="khur-passkey-unsupported" class="khur-hint" hidden>${msg("passkey-unsupported-browser-text")}</p>
            <@buttons.actionGroup>
                <button type="button" id="khur-passkey-create" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" hidden>${msg("khurPasskeyCreate")}</button>
            </@buttons.actionGroup>
            <#if khurPasskeyOffer??>
                <form id="khur-passkey-skip-form" action="${url.loginAction}" method="post">
                    <@buttons.actionGroup>
                        <button type="submit" id="khur-passkey-skip" name="khur-passkey-skip" value="skip" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurPasskeySkip")}</button>
                    </@buttons.actionGroup>
                    <p class="khur-hint">${msg("khurPasskeySkipHint")}</p>
                </form>
            <#elseif isAppInitiatedAction??>
                <form id="kc-webauthn-settings-form" action="${url.loginAction}" method="post">
                    <@buttons.actionGroup>
                        <@buttons.button id="cancelWebAuthnAIA" name="cancel-aia" label="doCancel" type="secondary"/>
                    </@buttons.actionGroup>
                </form>
            </#if>
        </div>
        <script type="module">
            <#outputformat "JavaScript">
            import { createPasskey } from "${url.resourcesPath}/js/khur-passkey-register.js";
            const input = {
                challenge : ${challenge?c},
                userid : ${userid?c},
                username : ${username?c},
                signatureAlgorithms : [<#list signatureAlgorithms as sigAlg>${sigAlg?c},</#list>],
                rpEntityName : ${rpEntityName?c},
                rpId : ${rpId?c},
                attestationConveyancePreference : ${attestationConveyancePreference?c},
                authenticatorAttachment : ${authenticatorAttachment?c},
                residentKey : ${residentKey?c},
                requireResidentKey : ${requireResidentKey?c},
                userVerificationRequirement : ${userVerificationRequirement?c},
                createTimeout : ${createTimeout?c},
                excludeCredentialIds : ${excludeCredentialIds?c},
            };
            const create = document.getElementById('khur-passkey-create');
            if (window.PublicKeyCredential) {
                create.hidden = false;
                create.addEventListener('click', () => { create.disabled = true; createPasskey(input); });
            } else {
                document.getElementById('khur-passkey-unsupported').hidden = false;
            }
            </#outputformat>
        </script>
    </#if>
</@layout.registrationLayout>

<#-- ХУР: a passkey could not be created (or, for Keycloak's two-factor WebAuthn, used). The message itself is
     the layout's alert (webauthn-error-* keys, plain words, no browser error text). "Дахин оролдох" works
     without script; the passkey offer (khurPasskeyOffer) can still be skipped from here.
     Ids: #kc-try-again, #khur-passkey-skip (offer only), #cancelWebAuthnAIA (account console only). -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout ; section>
    <#if section = "header">
        ${msg("webauthn-error-title")}
    <#elseif section = "form">
        <form id="kc-error-credential-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" id="executionValue" name="authenticationExecution" value="${execution!''}"/>
            <input type="hidden" id="isSetRetry" name="isSetRetry" value="retry"/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-try-again" name="try-again" label="doTryAgain"/>
            </@buttons.actionGroup>
        </form>
        <#if khurPasskeyOffer??>
            <form id="khur-passkey-skip-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <button type="submit" id="khur-passkey-skip" name="khur-passkey-skip" value="skip" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurPasskeySkip")}</button>
                </@buttons.actionGroup>
            </form>
        <#elseif isAppInitiatedAction??>
            <form id="kc-webauthn-settings-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="cancelWebAuthnAIA" name="cancel-aia" label="doCancel" type="secondary"/>
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>

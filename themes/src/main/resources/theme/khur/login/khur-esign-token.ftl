<#-- ХУР: "Тоон гарын үсгээр нэвтрэх" with a USB token through the local ESIGN client (docs/CONTRACTS.md §4).
     Data: attribute "khurEsignToken" (EsignTokenPage): dataToSign (the exact string to sign), clientUrl,
     installUrl, timeoutSeconds, registerNumber.
     Ids: #khur-esign-form, #khur-esign-register-number, #khur-esign-sign, #khur-esign-status,
     #khur-esign-install, #khur-esign-back. js/khur-esign-token.js connects to the client only when
     the button is pressed (a user gesture, for Chrome's Local Network Access prompt). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true displayInfo=true bodyClass="khur-esign-page"; section>
<!-- template: khur-esign-token.ftl (khur) -->
    <#if section = "header">
        ${msg("khurEsignTokenTitle")}
    <#elseif section = "form">
        <form id="khur-esign-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              data-client-url="${(khurEsignToken.clientUrl)!""}" data-sign-data="${(khurEsignToken.dataToSign)!""}"
              data-timeout-seconds="${((khurEsignToken.timeoutSeconds)!120)?c}"
              data-text-connecting="${msg("khurEsignConnecting")}"
              data-text-waiting-pin="${msg("khurEsignWaitingPin")}"
              data-text-required="${msg("khurEsignRegisterNumberRequired")}">
            <div class="${properties.kcFormGroupClass!}">
                <label for="khur-esign-register-number" class="${properties.kcLabelClass!}">${msg("khurEsignRegisterNumberLabel")}</label>
                <input id="khur-esign-register-number" name="registerNumber" type="text" required autocomplete="username"
                       class="${properties.kcInputClass!}" value="${(khurEsignToken.registerNumber)!""}" autofocus
                       aria-invalid="<#if messagesPerField.existsError('registerNumber')>true<#else>false</#if>"/>
                <#if messagesPerField.existsError('registerNumber')>
                    <span id="input-error-register-number" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('registerNumber'))?no_esc}</span>
                </#if>
            </div>
            <input type="hidden" name="certificate" id="khur-esign-certificate"/>
            <input type="hidden" name="signature" id="khur-esign-signature"/>
            <input type="hidden" name="clientError" id="khur-esign-client-error"/>
            <p class="khur-esign__hint">${msg("khurEsignTokenHint")}</p>
            <p id="khur-esign-status" class="khur-esign__status" role="status" aria-live="polite"></p>
            <div class="${properties.kcFormGroupClass!}">
                <button type="button" id="khur-esign-sign" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignSignButton")}</button>
                <button type="submit" id="khur-esign-back" name="back" value="true" formnovalidate
                        class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignOtherMethods")}</button>
            </div>
            <#if ((khurEsignToken.installUrl)!"")?has_content>
                <p class="khur-esign__install">${msg("khurEsignInstallHint")} <a id="khur-esign-install" href="${khurEsignToken.installUrl}" rel="noopener" target="_blank">${msg("khurEsignInstallLink")}</a></p>
            </#if>
        </form>
        <script src="${url.resourcesPath}/js/khur-esign-token.js" defer></script>
    </#if>
</@layout.registrationLayout>

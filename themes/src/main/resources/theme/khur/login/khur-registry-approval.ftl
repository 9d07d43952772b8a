<#-- ХУР state registry: the citizen's approval of fetching the ID-card names ("Улсын бүртгэлээс нэрээ татах").
     The registry (not us) has sent the citizen its own one-time code; the citizen types it here, asks for a new one,
     or postpones ("Дараа"; the names then come at a later login).
     Attributes: khurRegistry = {sentTo (masked phone, or empty: the phone registered with the state), canResend,
       info (message key of a notice, or empty)}; the field error of "code".
     Ids: #khur-registry-intro, #khur-registry-info, #khur-registry-form, #code (the code), #input-error-code, #khur-registry-submit,
       #khur-registry-resend, #khur-registry-skip. -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("khurRegistryTitle")}
    <#elseif section = "form">
        <p id="khur-registry-intro" class="khur-intro">
            <#if (khurRegistry.sentTo)?has_content>${msg("khurRegistryIntroPhone", khurRegistry.sentTo)}<#else>${msg("khurRegistryIntroState")}</#if>
        </p>
        <#if (khurRegistry.info)?has_content>
            <p id="khur-registry-info" class="khur-hint" role="status">${msg(khurRegistry.info)}</p>
        </#if>
        <form id="khur-registry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@fields.text name="code" label=msg("khurRegistryCodeLabel") type="text" autocomplete="one-time-code" hint=msg("khurRegistryCodeHint")/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="khur-registry-submit" name="action" value="submit"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRegistrySubmit")}</button>
            </div>
        </form>
        <form id="khur-registry-other-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p class="khur-hint" id="khur-registry-skip-hint">${msg("khurRegistrySkipHint")}</p>
            <div class="${properties.kcFormGroupClass!}">
                <#if (khurRegistry.canResend)!false>
                    <button type="submit" id="khur-registry-resend" name="action" value="resend"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRegistryResend")}</button>
                </#if>
                <button type="submit" id="khur-registry-skip" name="action" value="skip" aria-describedby="khur-registry-skip-hint"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRegistrySkip")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>

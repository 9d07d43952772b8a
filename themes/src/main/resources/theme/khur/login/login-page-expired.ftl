<#-- ХУР: Keycloak's "page expired" (an earlier step of a login submitted again, e.g. from the
     back button or a second tab). Same ids as Keycloak's base template (#instruction1,
     #loginRestartLink, #loginContinueLink); links say what they do instead of "Click here". -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<!-- template: login-page-expired.ftl (khur) -->
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <p id="instruction1" class="instruction">${msg("khurPageExpiredIntro")}</p>
        <div class="${properties.kcFormActionGroupClass!} khur-expired__actions">
            <a id="loginContinueLink" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginAction}">${msg("khurPageExpiredContinue")}</a>
            <a id="loginRestartLink" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
               href="${url.loginRestartFlowUrl}">${msg("khurPageExpiredRestart")}</a>
        </div>
    </#if>
</@layout.registrationLayout>

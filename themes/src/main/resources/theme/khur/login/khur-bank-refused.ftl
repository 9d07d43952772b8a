<#-- ХУР bank login refused (providers/khur-bank, BankRefusalPage): why, then the ways on, so the citizen
     is never stranded. Ids: #khur-bank-refused (the reason), #khur-back-to-login (this login's entry page
     again: another method or another bank), #khur-back-to-site (the site that asked, when known). -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("khurBankRefusedTitle")}
    <#elseif section = "form">
        <p id="khur-bank-refused" class="khur-intro" role="alert">${(message.summary)!''}</p>
        <p><a id="khur-back-to-login" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
              href="${url.loginRestartFlowUrl}">${msg("khurBankRefusedOtherMethod")}</a></p>
        <#if khurSiteUrl??>
            <p><a id="khur-back-to-site" href="${khurSiteUrl}">${msg("khurBackToSite")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>

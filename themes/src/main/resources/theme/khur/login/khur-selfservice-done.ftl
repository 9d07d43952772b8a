<#-- ХУР self-service: done. Attribute khurDone = registration | password-reset | phone-change; after a
     registration khurDoneRegistry = verified | later (the names from the state registry, or not yet).
     Ids: #khur-done (the text, with data-khur-done), #khur-done-registry (data-khur-registry), #khur-done-login
     (back to login). -->
<#import "template.ftl" as layout>
<#assign khurOutcome = (["registration", "password-reset", "phone-change"]?seq_contains((khurDone)!""))?then(khurDone, "registration")>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("khurDoneTitle." + khurOutcome)}
    <#elseif section = "form">
        <p id="khur-done" class="khur-intro" data-khur-done="${khurOutcome}">${msg("khurDoneText." + khurOutcome)}</p>
        <#if ["verified", "later"]?seq_contains((khurDoneRegistry)!"")>
            <p id="khur-done-registry" class="khur-hint" data-khur-registry="${khurDoneRegistry}">${msg("khurDoneRegistry." + khurDoneRegistry)}</p>
        </#if>
        <p><a id="khur-done-login" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${url.loginRestartFlowUrl}">${msg("khurDoneLogin")}</a></p>
    </#if>
</@layout.registrationLayout>

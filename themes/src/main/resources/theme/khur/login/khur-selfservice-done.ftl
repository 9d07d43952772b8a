<#-- ХУР self-service: done. Attribute khurDone = registration | password-reset | phone-change; after a
     registration khurDoneRegistry = verified | later (the names from the state registry, or not yet).
     After a recovery or phone change also khurPasskeys (the account's passkeys, which the change kept) and
     khurPasskeysUrl (the passkey page, to remove one).
     Ids: #khur-done (the text, with data-khur-done), #khur-done-registry (data-khur-registry), #khur-done-login
     (back to login), #khur-done-passkeys, #khur-done-passkey-list, #khur-done-passkeys-manage. -->
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
        <#if khurPasskeys??>
            <section id="khur-done-passkeys" class="khur-done-passkeys" aria-labelledby="khur-done-passkeys-title">
                <h2 id="khur-done-passkeys-title" class="khur-done-passkeys__title">${msg("khurDonePasskeysTitle")}</h2>
                <#if khurPasskeys?has_content>
                    <p class="khur-hint">${msg("khurDonePasskeysText")}</p>
                    <ul id="khur-done-passkey-list">
                        <#list khurPasskeys as p><li>${p.label} (${msg("khurPasskeyCreatedOn", p.created)})</li></#list>
                    </ul>
                    <p><a id="khur-done-passkeys-manage" href="${khurPasskeysUrl}">${msg("khurDonePasskeysManage")}</a></p>
                <#else>
                    <p class="khur-hint">${msg("khurDonePasskeysNone")}</p>
                </#if>
            </section>
        </#if>
    </#if>
</@layout.registrationLayout>

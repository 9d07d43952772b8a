<#-- ХУР self-service: the flow ends after the reverse SMS without the change it asked for.
     Attribute khurRefused = not-confirmed | sim-changed | unavailable | already-registered | without-phone; the text is the page's
     error message (chosen by the step, so it says only what the holder of the proven phone may know).
     Ids: #khur-refused (the text, with data-khur-refused), #khur-refused-retry (unavailable only: asks the operators
     again without a new SMS), #khur-refused-recovery (already-registered only: password recovery),
     #khur-refused-login (the login page, where the bank and digital-signature methods are; the main button for
     without-phone: an account registered through a bank adds its phone after a bank login). -->
<#import "template.ftl" as layout>
<#assign khurKind = (["not-confirmed", "sim-changed", "unavailable", "already-registered", "without-phone"]?seq_contains((khurRefused)!""))?then(khurRefused, "not-confirmed")>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("khurRefusedTitle." + khurKind)}
    <#elseif section = "form">
        <p id="khur-refused" class="khur-intro" role="alert" data-khur-refused="${khurKind}"><#if message?has_content>${kcSanitize(message.summary)?no_esc}</#if></p>
        <#if khurKind = "unavailable">
            <form id="khur-refused-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="khur-refused-retry" name="retry" value="true"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRefusedRetry")}</button>
                </div>
            </form>
        <#elseif khurKind = "already-registered">
            <p><a id="khur-refused-recovery" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                  href="${url.loginResetCredentialsUrl}">${msg("khurResetPassword")}</a></p>
        </#if>
        <#if khurKind = "not-confirmed" || khurKind = "sim-changed" || khurKind = "without-phone">
            <p><a id="khur-refused-login" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                  href="${url.loginRestartFlowUrl}">${msg("khurRefusedLogin")}</a></p>
        <#else>
            <p><a id="khur-refused-login" href="${url.loginRestartFlowUrl}">${msg("khurBackToLogin")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>

<#-- ХУР password recovery, page 1 ("Нууц үг сэргээх"): register number + captcha.
     Ids: #khur-recovery-form, #registerNumber, #captcha, #khur-recovery-submit; #khur-recovery-other-ways and
     #khur-recovery-other-login (for everyone: without a registered phone, the bank and digital-signature ways in). -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('registerNumber','captcha'); section>
    <#if section = "header">
        ${msg("khurRecoveryTitle")}
    <#elseif section = "form">
        <p class="khur-intro">${msg("khurRecoveryIntro")}</p>
        <form id="khur-recovery-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@fields.text name="registerNumber" label=msg("khurRegnumLabel") value=(khurForm.registerNumber)!'' placeholder=msg("khurRegnumPlaceholder") hint=msg("khurRegnumHint")/>
            <@fields.captcha/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="khur-recovery-submit" name="submitRecovery" value="true"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurResetPassword")}</button>
            </div>
            <p><a id="khur-back-to-login" href="${url.loginRestartFlowUrl}">${msg("khurBackToLogin")}</a></p>
        </form>
        <p id="khur-recovery-other-ways" class="khur-hint">${msg("khurRecoveryOtherWays")}</p>
        <p><a id="khur-recovery-other-login" href="${url.loginRestartFlowUrl}">${msg("khurRefusedLogin")}</a></p>
    </#if>
</@layout.registrationLayout>

<#-- ХУР registration by phone ("Бүртгүүлэх"): register number, phone, password twice, captcha.
     Ids: #khur-register-form, #registerNumber, #phone, #password-new, #password-confirm, #captcha, #khur-register-submit. -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('registerNumber','phone','password-new','password-confirm','captcha'); section>
    <#if section = "header">
        ${msg("khurRegisterTitle")}
    <#elseif section = "form">
        <p class="khur-intro">${msg("khurRegisterIntro")}</p>
        <form id="khur-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@fields.text name="registerNumber" label=msg("khurRegnumLabel") value=(khurForm.registerNumber)!'' placeholder=msg("khurRegnumPlaceholder") hint=msg("khurRegnumHint")/>
            <@fields.text name="phone" label=msg("khurPhoneLabel") value=(khurForm.phone)!'' type="tel" autocomplete="tel-national" placeholder=msg("khurPhonePlaceholder") hint=msg("khurRegisterPhoneHint")/>
            <@fields.text name="password-new" label=msg("password") type="password" autocomplete="new-password" hint=msg("khurPasswordHint")/>
            <@fields.text name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password"/>
            <@fields.captcha/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="khur-register-submit" name="submitRegistration" value="true"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRegister")}</button>
            </div>
            <p><a id="khur-back-to-login" href="${url.loginRestartFlowUrl}">${msg("khurBackToLogin")}</a></p>
        </form>
    </#if>
</@layout.registrationLayout>

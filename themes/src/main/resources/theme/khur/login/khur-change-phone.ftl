<#-- ХУР phone-number change, page 1 ("Утасны дугаар солих"): register number, new phone, captcha.
     Ids: #khur-change-phone-form, #registerNumber, #phone, #captcha, #khur-change-phone-submit. -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('registerNumber','phone','captcha'); section>
    <#if section = "header">
        ${msg("khurChangePhone")}
    <#elseif section = "form">
        <p class="khur-intro">${msg("khurChangePhoneIntro")}</p>
        <form id="khur-change-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@fields.text name="registerNumber" label=msg("khurRegnumLabel") value=(khurForm.registerNumber)!'' placeholder=msg("khurRegnumPlaceholder") hint=msg("khurRegnumHint")/>
            <@fields.text name="phone" label=msg("khurChangePhoneNewLabel") value=(khurForm.phone)!'' type="tel" autocomplete="tel-national" placeholder=msg("khurPhonePlaceholder") hint=msg("khurRegisterPhoneHint")/>
            <@fields.captcha/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="khur-change-phone-submit" name="submitPhoneChange" value="true"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurChangePhoneSubmit")}</button>
            </div>
            <p><a id="khur-back-to-login" href="${url.loginRestartFlowUrl}">${msg("khurBackToLogin")}</a></p>
        </form>
    </#if>
</@layout.registrationLayout>

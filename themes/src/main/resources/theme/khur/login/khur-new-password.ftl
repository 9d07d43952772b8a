<#-- ХУР password recovery, last page: new password twice, button "цааш".
     Ids: #khur-new-password-form, #password-new, #password-confirm, #khur-new-password-submit. -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password-new','password-confirm'); section>
    <#if section = "header">
        ${msg("khurRecoveryTitle")}
    <#elseif section = "form">
        <p class="khur-intro">${msg("khurNewPasswordIntro")}</p>
        <form id="khur-new-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@fields.text name="password-new" label=msg("passwordNew") type="password" autocomplete="new-password" hint=msg("khurPasswordHint")/>
            <@fields.text name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password"/>
            <div class="${properties.kcFormGroupClass!}">
                <button type="submit" id="khur-new-password-submit" name="submitPassword" value="true"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurNext")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>

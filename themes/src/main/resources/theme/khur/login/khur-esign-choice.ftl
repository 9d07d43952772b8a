<#-- ХУР: digital-signature method choice (acr high). Data: khurEsignMethods (list of EsignMethod:
     code, elementId, messageKey). Stable ids (contracts.md §3): #khur-method-esign-token,
     #khur-method-esign-sim, #khur-method-esign-cloud. No script. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true bodyClass="khur-esign-page"; section>
<!-- template: khur-esign-choice.ftl (khur) -->
    <#if section = "header">
        ${msg("khurEsignTitle")}
    <#elseif section = "form">
        <p class="khur-esign__intro">${msg("khurEsignChoiceIntro")}</p>
        <form id="khur-esign-choice" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormActionGroupClass!} khur-esign__methods">
                <#list (khurEsignMethods![]) as m>
                    <button type="submit" id="${m.elementId}" name="method" value="${m.getCode()}"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg(m.messageKey)}</button>
                </#list>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>

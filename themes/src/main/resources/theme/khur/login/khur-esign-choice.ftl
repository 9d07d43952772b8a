<#-- ХУР: digital-signature method choice (acr high). Data: khurEsignMethods (list of EsignMethod:
     code, elementId, messageKey); khurEsignOtherMethods (true when the citizen came here from the entry
     page's signature buttons: offers #khur-esign-other-methods, back to every method).
     Stable ids (docs/CONTRACTS.md §3): #khur-method-esign-token, #khur-method-esign-sim,
     #khur-method-esign-cloud. No script. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true bodyClass="khur-esign-page"; section>
<!-- template: khur-esign-choice.ftl (khur) -->
    <#if section = "header">
        ${msg("khurEsignTitle")}
    <#elseif section = "form">
        <p class="khur-esign__intro">${msg((khurEsignOtherMethods!false)?then("khurEsignChoiceIntroChosen", "khurEsignChoiceIntro"))}</p>
        <form id="khur-esign-choice" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormActionGroupClass!} khur-esign__methods">
                <#list (khurEsignMethods![]) as m>
                    <button type="submit" id="${m.elementId}" name="method" value="${m.getCode()}"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg(m.messageKey)}</button>
                </#list>
                <#if khurEsignOtherMethods!false>
                    <button type="submit" id="khur-esign-other-methods" name="otherMethods" value="true"
                            class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignOtherMethods")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>

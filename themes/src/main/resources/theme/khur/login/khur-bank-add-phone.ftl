<#-- ХУР after a bank login of a citizen without a phone ("Утасны дугаар нэмэх"): add a phone registered in the
     citizen's own name (then the reverse-SMS page, from that phone) and, if the account has none, a password; skippable.
     Attributes: khurAddPhone = {stage: offer | unavailable | done, registerNumber, askPassword,
       phoneMasked and passwordSet (done only)}; khurAddPhoneRefused = not-confirmed | sim-changed (the offer again after
       a refusal), khurAddPhoneHoldDays; khurForm.phone.
     The layout shows the register number (Keycloak's attempted username box, #kc-attempted-username).
     Ids: #khur-add-phone-intro, #khur-add-phone-form, #phone, #password-new,
       #password-confirm, #khur-add-phone-submit, #khur-add-phone-refused (data-khur-refused = not-confirmed |
       sim-changed | unavailable), #khur-add-phone-retry-form, #khur-add-phone-retry, #khur-add-phone-skip-form,
       #khur-add-phone-skip, #khur-add-phone-done, #khur-add-phone-continue-form, #khur-add-phone-continue. -->
<#import "template.ftl" as layout>
<#import "khur-selfservice-fields.ftl" as fields>
<#assign khurStage = (["offer", "unavailable", "done"]?seq_contains((khurAddPhone.stage)!""))?then(khurAddPhone.stage, "offer")>
<#assign khurAskPassword = (khurAddPhone.askPassword)!true>
<#assign khurRefusal = (["not-confirmed", "sim-changed"]?seq_contains((khurAddPhoneRefused)!""))?then(khurAddPhoneRefused, "")>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('phone','password-new','password-confirm'); section>
    <#if section = "header">
        ${msg((khurStage = "done")?then("khurAddPhoneDoneTitle", "khurAddPhoneTitle"))}
    <#elseif section = "form">
        <#if khurStage = "done">
            <p id="khur-add-phone-done" class="khur-intro">${msg(((khurAddPhone.passwordSet)!false)?then("khurAddPhoneDoneText", "khurAddPhoneDoneTextKeptPassword"), (khurAddPhone.phoneMasked)!"", (khurAddPhone.registerNumber)!"")}</p>
            <form id="khur-add-phone-continue-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="khur-add-phone-continue" name="proceed" value="true"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurAddPhoneContinue")}</button>
                </div>
            </form>
        <#else>
            <#if khurStage = "unavailable">
                <p id="khur-add-phone-refused" class="khur-intro" role="alert" data-khur-refused="unavailable">${msg("khurOwnershipUnavailable")}</p>
                <form id="khur-add-phone-retry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                    <div class="${properties.kcFormGroupClass!}">
                        <button type="submit" id="khur-add-phone-retry" name="retry" value="true"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurRefusedRetry")}</button>
                    </div>
                </form>
            <#else>
                <p id="khur-add-phone-intro" class="khur-intro">${msg(khurAskPassword?then("khurAddPhoneIntro", "khurAddPhoneIntroKeepPassword"))}</p>
                <#if khurRefusal?has_content>
                    <div class="${properties.kcAlertClass!} pf-m-danger">
                        <p id="khur-add-phone-refused" class="${properties.kcAlertTitleClass!}" role="alert" data-khur-refused="${khurRefusal}">${msg("khurAddPhoneRefused." + khurRefusal, (khurAddPhoneHoldDays)!"7")}</p>
                    </div>
                </#if>
                <form id="khur-add-phone-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <@fields.text name="phone" label=msg("khurPhoneLabel") value=(khurForm.phone)!'' type="tel" autocomplete="tel-national" placeholder=msg("khurPhonePlaceholder") hint=msg("khurRegisterPhoneHint")/>
                    <#if khurAskPassword>
                        <@fields.text name="password-new" label=msg("password") type="password" autocomplete="new-password" hint=msg("khurPasswordHint")/>
                        <@fields.text name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password"/>
                    </#if>
                    <div class="${properties.kcFormGroupClass!}">
                        <button type="submit" id="khur-add-phone-submit" name="addPhone" value="true"
                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurAddPhoneSubmit")}</button>
                    </div>
                </form>
            </#if>
            <form id="khur-add-phone-skip-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <p class="khur-hint" id="khur-add-phone-skip-hint">${msg("khurAddPhoneSkipHint")}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="khur-add-phone-skip" name="skip" value="true" aria-describedby="khur-add-phone-skip-hint"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurAddPhoneSkip")}</button>
                </div>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>

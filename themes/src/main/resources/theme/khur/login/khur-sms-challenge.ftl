<#-- ХУР: reverse-SMS waiting page ("send this code to 130092, then press Continue").
     Data: attribute "khurSms" (see README of the theme module / report):
       code, shortNumber, smsUri, qrSvg (inline <svg>, trusted, server-generated), statusUrl,
       expiresAtEpochSeconds, lifetimeMinutes, expired, phoneMasked,
       purpose = login | registration | password-reset | phone-change,
       newCodeAllowed (optional, default true: offer "Шинэ код авах").
     Stable ids (docs/CONTRACTS.md §3): #khur-sms-code (text = exactly the 6 digits),
       #khur-sms-number (text = exactly the short number), #khur-sms-continue.
     Also: #khur-sms-form, #khur-sms-resend, #khur-sms-cancel, #khur-sms-status, #khur-sms-open,
       #khur-sms-qr, #khur-sms-countdown.
     Works without JavaScript (the Continue button posts the form); js/khur-sms-wait.js adds
     status polling and the countdown, and shows data-text-feedback-* when the status says an SMS came
     but did not count (only the login's page has a wrong-code text: no other is ever told one). No inline script. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>

<#-- Reads a property of the khurSms bean (a JavaBean: ReverseSmsPage), or the fallback when the page has none. -->
<#function khurSmsValue name fallback="">
    <#if !khurSms??><#return fallback></#if>
    <#local v = khurSms[name]!fallback>
    <#return v>
</#function>
<#-- The same, as text: numbers without grouping ("482913", never "482,913"). -->
<#function khurSmsText name fallback="">
    <#local v = khurSmsValue(name, fallback)>
    <#if v?is_number><#return v?c></#if>
    <#if v?is_boolean><#return v?c></#if>
    <#if v?is_string><#return v></#if>
    <#return fallback>
</#function>

<#assign khurSmsPresent = khurSms??>
<#assign khurCode = khurSmsText("code")>
<#assign khurShortNumber = khurSmsText("shortNumber", "130092")>
<#assign khurSmsUri = khurSmsText("smsUri")>
<#assign khurQrSvg = khurSmsText("qrSvg")>
<#assign khurStatusUrl = khurSmsText("statusUrl")>
<#assign khurExpiresAt = khurSmsValue("expiresAtEpochSeconds", 0)>
<#assign khurLifetime = khurSmsValue("lifetimeMinutes", 0)>
<#assign khurExpiredRaw = khurSmsValue("expired", false)>
<#assign khurExpired = (khurExpiredRaw?is_boolean && khurExpiredRaw) || !khurCode?has_content>
<#assign khurPhoneMasked = khurSmsText("phoneMasked")>
<#assign khurNewCodeAllowedRaw = khurSmsValue("newCodeAllowed", true)>
<#assign khurNewCodeAllowed = !khurNewCodeAllowedRaw?is_boolean || khurNewCodeAllowedRaw>
<#assign khurPurposeRaw = khurSmsText("purpose", "login")>
<#assign khurPurpose = (["login", "registration", "password-reset", "phone-change"]?seq_contains(khurPurposeRaw))?then(khurPurposeRaw, "login")>

<@layout.registrationLayout displayMessage=true bodyClass="khur-sms-page"; section>
<!-- template: khur-sms-challenge.ftl (khur) -->
    <#if section = "header">
        ${msg("khurSmsTitle." + khurPurpose)}
    <#elseif section = "form">
        <#if !khurSmsPresent>
            <p class="khur-sms__missing">${msg("khurSmsMissing")}</p>
        </#if>
        <div id="khur-sms" class="khur-sms<#if khurExpired> khur-sms--expired</#if>">
            <#if !khurExpired>
                <p class="khur-sms__instruction" data-khur-live-only><#if khurPhoneMasked?has_content>${msg("khurSmsInstruction." + khurPurpose, khurPhoneMasked, khurShortNumber)}<#else>${msg("khurSmsInstructionNoPhone", khurShortNumber)}</#if></p>

                <div class="khur-sms__details" data-khur-live-only>
                    <div class="khur-sms__detail khur-sms__detail--code">
                        <span class="khur-sms__label" id="khur-sms-code-label">${msg("khurSmsCodeLabel")}</span>
                        <span id="khur-sms-code" class="khur-sms__code" aria-hidden="true">${khurCode}</span>
                        <span class="khur-sr-only"><#list 0..<khurCode?length as i>${khurCode[i]}<#sep> </#sep></#list></span>
                    </div>
                    <div class="khur-sms__detail khur-sms__detail--number">
                        <span class="khur-sms__label">${msg("khurSmsNumberLabel")}</span>
                        <span id="khur-sms-number" class="khur-sms__number">${khurShortNumber}</span>
                    </div>
                    <#if khurPhoneMasked?has_content>
                        <div class="khur-sms__detail khur-sms__detail--from">
                            <span class="khur-sms__label">${msg("khurSmsFromLabel")}</span>
                            <span class="khur-sms__from">${khurPhoneMasked}</span>
                        </div>
                    </#if>
                </div>

                <div class="khur-sms__send" data-khur-live-only>
                    <#if khurSmsUri?has_content>
                        <p class="khur-sms__open-wrap">
                            <a id="khur-sms-open" class="khur-sms__open ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                               href="${khurSmsUri}" aria-describedby="khur-sms-open-hint">${msg("khurSmsOpenMessages")}</a>
                            <span id="khur-sms-open-hint" class="khur-hint">${msg("khurSmsOpenMessagesHint")}</span>
                        </p>
                    </#if>
                    <#if khurQrSvg?has_content>
                        <figure id="khur-sms-qr" class="khur-sms__qr">
                            <div class="khur-sms__qr-image" role="img" aria-label="${msg("khurSmsQrAlt")}">${khurQrSvg?no_esc}</div>
                            <figcaption class="khur-sms__qr-caption">${msg("khurSmsQrCaption")}</figcaption>
                        </figure>
                    </#if>
                </div>

                <p class="khur-sms__lifetime" data-khur-live-only>
                    <#if khurLifetime?is_number && khurLifetime gt 0>
                        <span class="khur-sms__lifetime-text">${msg("khurSmsLifetime", khurLifetime?c)}</span>
                    </#if>
                    <span class="khur-sms__countdown-wrap" id="khur-sms-countdown-wrap" hidden>
                        ${msg("khurSmsTimeLeft")} <span id="khur-sms-countdown" class="khur-sms__countdown" role="timer"></span>
                    </span>
                </p>
            </#if>

            <#-- shown by the script when the code expires on screen; shown at once when the server says
                 so, unless the authenticator's own khurSmsExpired message already says it above -->
            <#assign khurExpiredSaidAbove = message?has_content && (message.summary!"") == msg("khurSmsExpired")>
            <div id="khur-sms-expired" class="khur-sms__expired ${properties.kcAlertClass!} pf-m-warning" <#if !khurExpired || khurExpiredSaidAbove>hidden</#if>>
                <p class="${properties.kcAlertTitleClass!}">${msg("khurSmsExpiredTitle")}</p>
                <p class="${properties.kcAlertDescriptionClass!}">${msg(khurNewCodeAllowed?then("khurSmsExpiredHint", "khurSmsExpiredNoNewCode"))}</p>
            </div>

            <p id="khur-sms-status" class="khur-sms__status" role="status" aria-live="polite"><#if !khurExpired>${msg("khurSmsWaiting")}</#if></p>

            <form id="khur-sms-form" class="khur-sms__form ${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  <#if !khurExpired && khurStatusUrl?has_content>data-status-url="${khurStatusUrl}"</#if>
                  <#if khurExpired>data-expired="true"</#if>
                  data-expires-at="<#if khurExpiresAt?is_number>${khurExpiresAt?c}<#else>0</#if>"
                  data-server-now="${.now?long?c}"
                  data-text-waiting="${msg("khurSmsWaiting")}"
                  data-text-matched="${msg("khurSmsMatched")}"
                  data-text-expired="${msg("khurSmsExpiredText")}"
                  data-text-check-failed="${msg("khurSmsCheckFailed")}"
                  <#if khurPhoneMasked?has_content && khurPurpose == "login">data-text-feedback-wrong-code="${msg("khurSmsWrongCode", khurPhoneMasked, khurShortNumber)}"</#if>
                  <#if khurPhoneMasked?has_content>data-text-feedback-other-number="${msg("khurSmsOtherNumber", khurPhoneMasked, khurShortNumber)}"<#else>data-text-feedback-other-number="${msg("khurSmsOtherNumberNoPhone", "", khurShortNumber)}"</#if>>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!} pf-v5-u-flex-wrap khur-sms__actions">
                        <#if !khurExpired>
                            <button type="submit" id="khur-sms-continue" name="continue" value="true"
                                    class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurSmsContinue")}</button>
                            <#if khurNewCodeAllowed>
                                <button type="submit" id="khur-sms-resend" name="resend" value="true" formnovalidate
                                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurSmsResend")}</button>
                            </#if>
                        <#elseif khurNewCodeAllowed>
                            <button type="submit" id="khur-sms-resend" name="resend" value="true" formnovalidate
                                    class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurSmsResend")}</button>
                        </#if>
                        <button type="submit" id="khur-sms-cancel" name="cancel" value="true" formnovalidate
                                class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!} khur-sms__cancel">${msg("khurSmsCancel")}</button>
                    </div>
                </div>
            </form>
            <#if khurPurpose = "password-reset"><#-- the same for every recovery (decoys too): no phone, no code here -->
                <p id="khur-sms-other-ways" class="khur-hint">${msg("khurRecoveryOtherWays")}</p>
            </#if>
        </div>
        <script src="${url.resourcesPath}/js/khur-sms-wait.js" defer></script>
    </#if>
</@layout.registrationLayout>

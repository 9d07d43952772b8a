<#-- ХУР: push signature methods: "Симд суурилсан тоон гарын үсэг" (SIM via the operator's MSSP) and
     "Клауд тоон гарын үсэг" (GSign). Data: attribute "khurEsignPush" (PushSignaturePage): titleKey,
     hintKey (message keys), waiting; on the start page registerNumber, phone; while waiting
     verificationCode (4 digits, also shown on the phone) and pollSeconds.
     Ids: #khur-esign-push-form, #khur-esign-register-number, #khur-esign-phone, #khur-esign-push-sign,
     #khur-esign-back; waiting: #khur-esign-push-wait, #khur-esign-verification-code (text: exactly the
     4 digits), #khur-esign-verification-code-label, #khur-esign-code-mismatch ("another code on the phone"),
     #khur-esign-push-status (aria-live), #khur-esign-push-check, #khur-esign-push-cancel.
     js/khur-esign-wait.js re-submits the waiting form every pollSeconds; without script
     the citizen presses #khur-esign-push-check. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true displayInfo=true bodyClass="khur-esign-page"; section>
<!-- template: khur-esign-push.ftl (khur) -->
    <#if section = "header">
        ${msg((khurEsignPush.titleKey)!"khurEsignTitle")}
    <#elseif section = "form">
        <#if (khurEsignPush.waiting)!false>
            <form id="khur-esign-push-wait" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  data-poll-seconds="${((khurEsignPush.pollSeconds)!3)?c}" data-text-waiting="${msg("khurEsignPushWaiting")}">
                <#-- The verification code is the one thing that tells a citizen a request is this page's and not a
                     stranger's relayed one: it comes first, large and labelled, with what to do if the phone differs.
                     #khur-esign-verification-code's text is exactly the 4 digits; screen readers get them one by one. -->
                <#assign khurCode = (khurEsignPush.verificationCode)!"">
                <section class="khur-esign__vc" aria-labelledby="khur-esign-verification-code-label">
                    <h2 id="khur-esign-verification-code-label" class="khur-esign__vc-label">${msg("khurEsignVerificationCodeLabel")}</h2>
                    <p class="khur-esign__vc-value"><span id="khur-esign-verification-code" class="khur-esign__vc-code" aria-hidden="true">${khurCode}</span><span class="khur-sr-only"><#list 0..<khurCode?length as i>${khurCode[i]}<#sep> </#sep></#list></span></p>
                    <p class="khur-esign__vc-hint">${msg("khurEsignPushCodeHint")}</p>
                </section>
                <div id="khur-esign-code-mismatch" class="khur-esign__mismatch">
                    <p class="khur-esign__mismatch-title">${msg("khurEsignCodeMismatchTitle")}</p>
                    <ol class="khur-esign__mismatch-steps">
                        <li>${msg("khurEsignCodeMismatchNoPin")}</li>
                        <li>${msg("khurEsignCodeMismatchCancel")}</li>
                        <li>${msg("khurEsignCodeMismatchThen", msg("khurEsignPushCancel"))}</li>
                    </ol>
                </div>
                <p id="khur-esign-push-status" class="khur-esign__status" role="status" aria-live="polite">${msg("khurEsignPushWaiting")}</p>
                <progress id="khur-esign-push-progress" class="khur-esign__progress" aria-label="${msg("khurEsignPushWaiting")}"></progress>
                <input type="hidden" name="poll" value="true"/>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="khur-esign-push-check" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignPushCheck")}</button>
                    <button type="submit" id="khur-esign-push-cancel" name="cancel" value="true" formnovalidate
                            class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignPushCancel")}</button>
                </div>
            </form>
            <script src="${url.resourcesPath}/js/khur-esign-wait.js" defer></script>
        <#else>
            <form id="khur-esign-push-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="khur-esign-register-number" class="${properties.kcLabelClass!}">${msg("khurEsignRegisterNumberLabel")}</label>
                    <input id="khur-esign-register-number" name="registerNumber" type="text" required autocomplete="username"
                           class="${properties.kcInputClass!}" value="${(khurEsignPush.registerNumber)!""}" autofocus
                           aria-invalid="<#if messagesPerField.existsError('registerNumber')>true<#else>false</#if>"
                           <#if messagesPerField.existsError('registerNumber')>aria-describedby="input-error-register-number"</#if>/>
                    <#if messagesPerField.existsError('registerNumber')>
                        <span id="input-error-register-number" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('registerNumber'))?no_esc}</span>
                    </#if>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="khur-esign-phone" class="${properties.kcLabelClass!}">${msg("khurEsignPushPhoneLabel")}</label>
                    <input id="khur-esign-phone" name="phone" type="tel" required autocomplete="tel" inputmode="tel"
                           class="${properties.kcInputClass!}" value="${(khurEsignPush.phone)!""}"
                           aria-invalid="<#if messagesPerField.existsError('phone')>true<#else>false</#if>"
                           <#if messagesPerField.existsError('phone')>aria-describedby="input-error-phone"</#if>/>
                    <#if messagesPerField.existsError('phone')>
                        <span id="input-error-phone" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('phone'))?no_esc}</span>
                    </#if>
                </div>
                <p class="khur-esign__hint">${msg((khurEsignPush.hintKey)!"khurEsignSimHint")}</p>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="khur-esign-push-sign" name="start" value="true" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignSignButton")}</button>
                    <button type="submit" id="khur-esign-back" name="back" value="true" formnovalidate
                            class="${properties.kcButtonLinkClass!} ${properties.kcButtonBlockClass!}">${msg("khurEsignOtherMethods")}</button>
                </div>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>

<#-- ХУР self-service: shared form pieces (text field with its error, captcha block).
     Captcha: attribute khurCaptcha (image = PNG data URI, testAnswer = only in the dev-mode test seam).
     Ids: #khur-captcha-image, #captcha (input), #khur-captcha-refresh (button "new picture"). -->
<#macro text name label value="" type="text" autocomplete="off" hint="" placeholder="">
    <#assign khurFieldError = (messagesPerField.existsError(name))?then(messagesPerField.get(name), "")>
    <div class="${properties.kcFormGroupClass!}">
        <label for="${name}" class="${properties.kcLabelClass!}">${label}</label>
        <span class="${properties.kcInputClass!} <#if khurFieldError?has_content>${properties.kcError!}</#if>">
            <input id="${name}" name="${name}" type="${type}" value="${value}" autocomplete="${autocomplete}"
                   <#if placeholder?has_content>placeholder="${placeholder}"</#if>
                   autocorrect="off" spellcheck="false" maxlength="64"
                   aria-invalid="<#if khurFieldError?has_content>true</#if>"/>
        </span>
        <#if hint?has_content><p class="khur-hint">${hint}</p></#if>
        <#if khurFieldError?has_content>
            <span id="input-error-${name}" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(khurFieldError)?no_esc}</span>
        </#if>
    </div>
</#macro>

<#macro captcha>
    <#assign khurCaptchaError = (messagesPerField.existsError('captcha'))?then(messagesPerField.get('captcha'), "")>
    <div class="${properties.kcFormGroupClass!} khur-captcha">
        <label for="captcha" class="${properties.kcLabelClass!}">${msg("khurCaptchaLabel")}</label>
        <div class="khur-captcha__row">
            <img id="khur-captcha-image" class="khur-captcha__image" width="200" height="64" alt="${msg("khurCaptchaAlt")}"
                 src="${(khurCaptcha.image)!''}"<#if (khurCaptcha.testAnswer)??> data-khur-test-answer="${khurCaptcha.testAnswer}"</#if>/>
            <button type="submit" id="khur-captcha-refresh" name="refreshCaptcha" value="true" formnovalidate
                    class="${properties.kcButtonSecondaryClass!} khur-captcha__refresh">${msg("khurCaptchaRefresh")}</button>
        </div>
        <span class="${properties.kcInputClass!} <#if khurCaptchaError?has_content>${properties.kcError!}</#if>">
            <input id="captcha" name="captcha" type="text" value="" autocomplete="off" autocapitalize="characters"
                   autocorrect="off" spellcheck="false" maxlength="16"
                   aria-invalid="<#if khurCaptchaError?has_content>true</#if>"/>
        </span>
        <p class="khur-hint">${msg("khurCaptchaHint")}</p>
        <#if khurCaptchaError?has_content>
            <span id="input-error-captcha" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(khurCaptchaError)?no_esc}</span>
        </#if>
    </div>
</#macro>

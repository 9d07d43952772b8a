<#-- ХУР: the entry page with every login method: "Нэг удаагийн кодоор нэвтрэх" (register number +
     password, first step), the bank chooser, and the digital-signature methods the request may use
     (attribute khurEsignMethods, list of EsignMethod: getCode(), elementId, messageKey; posted as
     method=token|sim|cloud to the same authenticator). No script needed.
     Based on keycloak.v2's login.ftl (same layout, macros and form contract).
     Stable ids (docs/CONTRACTS.md §3): #username, #password, #kc-login, #khur-method-otp, #khur-method-bank,
     #khur-method-esign-token/-sim/-cloud, #khur-method-passkey (khur-passkey-entry.ftl), #khur-register,
     #khur-reset-password, #khur-change-phone. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "khur-passkey-entry.ftl" as khurPasskeys>
<#assign khurCanRegister = realm.password && realm.registrationAllowed && !registrationDisabled??>
<#assign khurCanReset = realm.resetPasswordAllowed>
<#-- khurChangePhoneUrl: optional attribute (a URL) set by the authenticator; no attribute, no link -->
<#assign khurChangePhoneHref = "">
<#if khurChangePhoneUrl?? && khurChangePhoneUrl?is_string>
    <#assign khurChangePhoneHref = khurChangePhoneUrl>
</#if>
<#assign khurShowLinks = khurCanRegister || khurCanReset || khurChangePhoneHref?has_content>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=khurShowLinks; section>
<!-- template: login.ftl (khur) -->

    <#if section = "header">
        ${msg("khurEntryTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if realm.password>
                <#-- the site the citizen came from, so a look-alike request is easier to notice -->
                <#if client?? && (client.name!client.clientId)?has_content>
                    <p id="khur-client-name" class="khur-client-name">${msg("khurLoginToClient", advancedMsg(client.name!client.clientId))}</p>
                </#if>
                <#-- issue 21.3: only the right password of a temporarily locked account gets khurAccountLockedMinutes
                     (any other password the "wrong register number or password" answer): why, how long, and links to
                     the ways in on this page that a lock does not stop -->
                <#if khurAccountLockedMinutes?? && khurAccountLockedMinutes?is_number>
                    <#assign khurLockedBanks = social?? && social.providers?? && social.providers?has_content>
                    <#assign khurLockedSignatures = (khurEsignMethods![])?has_content>
                    <div id="khur-account-locked" class="khur-locked ${properties.kcAlertClass!} pf-m-warning">
                        <p class="${properties.kcAlertTitleClass!}">${msg("khurAccountLockedTitle")}</p>
                        <div class="${properties.kcAlertDescriptionClass!}">
                            <p><#if khurAccountLockedMinutes == 1>${msg("khurAccountLockedOneMinute")}<#else>${msg("khurAccountLocked", khurAccountLockedMinutes?c)}</#if></p>
                            <#if khurLockedBanks || khurLockedSignatures>
                                <p>${msg("khurAccountLockedOtherWays")}</p>
                                <ul class="khur-locked__ways">
                                    <#if khurLockedBanks><li><a href="#khur-banks">${msg("khurBankMethod")}</a></li></#if>
                                    <#if khurLockedSignatures><li><a href="#khur-signatures">${msg("khurEsignTitle")}</a></li></#if>
                                </ul>
                            </#if>
                        </div>
                    </div>
                </#if>
                <h2 class="khur-method__title"><a id="khur-method-otp" class="khur-method__link" href="#kc-form-login">${msg("khurLoginTitle")}</a></h2>
                <p class="khur-intro">${msg("khurLoginIntro")}</p>
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <#assign label>
                            <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                        </#assign>
                        <#assign usernameError = (messagesPerField.getFirstError('username','password'))!''>
                        <@field.group name="username" label=label error=usernameError>
                            <span class="${properties.kcInputClass} <#if usernameError?has_content>${properties.kcError}</#if>">
                                <input id="username" name="username" value="${(login.username)!''}" type="text"
                                       autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'off')}"
                                       autocapitalize="characters" autocorrect="off" spellcheck="false"
                                       placeholder="${msg("khurRegnumPlaceholder")}" maxlength="32" <#if !khurAccountLockedMinutes??>autofocus</#if>
                                       aria-describedby="khur-username-hint"
                                       aria-invalid="<#if usernameError?has_content>true</#if>"/>
                                <@field.errorIcon error=usernameError/>
                            </span>
                            <p id="khur-username-hint" class="khur-hint">${msg("khurRegnumHint")}</p>
                        </@field.group>
                        <@field.password name="password" label=msg("password") error="" forgotPassword=false autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <@field.password name="password" label=msg("password") forgotPassword=false autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if (auth.selectedCredential)?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </#if>
            </div>
        </div>
        <@khurPasskeys.entry />
    <#elseif section = "socialProviders" >
        <#-- Bank chooser ("Банкны эрхээр нэвтрэх"): Keycloak lists only enabled banks. Marks are our own
             initials and colours (khur.css), never the banks' logos. Ids: #khur-method-bank, #khur-bank-<alias>. -->
        <#if realm.password && social?? && social.providers?? && social.providers?has_content>
            <#assign khurBankMarks = {"khanbank": "ХА", "golomt": "ГО", "tdb": "ХХ", "xacbank": "ХС", "statebank": "ТБ"}>
            <section id="khur-banks" class="khur-banks" aria-labelledby="khur-method-bank">
                <h2 class="khur-banks__title"><a id="khur-method-bank" class="khur-banks__method" href="#khur-banks">${msg("khurBankMethod")}</a></h2>
                <p class="khur-hint">${msg("khurBankChooserHint")}</p>
                <ul class="khur-banks__list">
                    <#list social.providers as p>
                        <#assign khurBankName = msg("khurBankName." + p.alias)>
                        <#if khurBankName == "khurBankName." + p.alias><#assign khurBankName = p.displayName!p.alias></#if>
                        <li>
                            <a id="khur-bank-${p.alias}" class="khur-bank khur-bank--${p.alias}" href="${p.loginUrl}">
                                <span class="khur-bank__mark" aria-hidden="true">${khurBankMarks[p.alias]!khurBankName?substring(0, 1)?upper_case}</span>
                                <span class="khur-bank__name">${khurBankName}</span>
                            </a>
                        </li>
                    </#list>
                </ul>
            </section>
        </#if>
        <#-- "Тоон гарын үсгээр нэвтрэх": each button raises this login to acr=high and starts that method -->
        <#if (khurEsignMethods![])?has_content>
            <section id="khur-signatures" class="khur-banks khur-signatures" aria-labelledby="khur-signatures-title">
                <h2 id="khur-signatures-title" class="khur-banks__title">${msg("khurEsignTitle")}</h2>
                <p class="khur-hint">${msg("khurEsignEntryHint")}</p>
                <form id="khur-esign-entry" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <ul class="khur-banks__list">
                        <#list khurEsignMethods as m>
                            <li><button type="submit" id="${m.elementId}" name="method" value="${m.getCode()}"
                                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg(m.messageKey)}</button></li>
                        </#list>
                    </ul>
                </form>
            </section>
        </#if>
    <#elseif section = "info" >
        <nav id="khur-links" class="khur-links" aria-label="${msg("khurLinksLabel")}">
            <ul class="khur-links__list">
                <#if khurCanRegister>
                    <li><a id="khur-register" class="khur-links__link" href="${url.registrationUrl}">${msg("khurRegister")}</a></li>
                </#if>
                <#if khurCanReset>
                    <li><a id="khur-reset-password" class="khur-links__link" href="${url.loginResetCredentialsUrl}">${msg("khurResetPassword")}</a></li>
                </#if>
                <#if khurChangePhoneHref?has_content>
                    <li><a id="khur-change-phone" class="khur-links__link" href="${khurChangePhoneHref}">${msg("khurChangePhone")}</a></li>
                </#if>
            </ul>
        </nav>
    </#if>

</@layout.registrationLayout>

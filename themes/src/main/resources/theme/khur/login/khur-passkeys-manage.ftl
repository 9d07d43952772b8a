<#-- ХУР: the citizen's passkeys (required action khur-passkeys, from the account pages or a self-service done page).
     Attributes: khurPasskeys (list: id, label, created), khurPasskeyToRemove (the one awaiting confirmation).
     Works without script. Ids: #khur-passkey-list, #khur-passkey-<n> (one per passkey, in order),
     #khur-passkey-label-<n> (its name field), #khur-passkey-rename-<n>, #khur-passkey-remove-<n>,
     #khur-passkey-remove-confirm, #khur-passkey-remove-cancel, #khur-passkeys-done. -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("khurPasskeysTitle")}
    <#elseif section = "form">
        <#if khurPasskeyToRemove??>
            <form id="khur-passkey-remove-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="credentialId" value="${khurPasskeyToRemove.id}"/>
                <p id="khur-passkey-remove-question" class="khur-intro">${msg("khurPasskeyRemoveQuestion", khurPasskeyToRemove.label, khurPasskeyToRemove.created)}</p>
                <p class="khur-hint">${msg("khurPasskeyRemoveHint")}</p>
                <@buttons.actionGroup>
                    <button type="submit" id="khur-passkey-remove-confirm" name="khur-action" value="remove-confirmed"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurPasskeyRemoveConfirm")}</button>
                    <button type="submit" id="khur-passkey-remove-cancel" name="khur-action" value="back"
                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                </@buttons.actionGroup>
            </form>
        <#else>
            <p class="khur-intro">${msg("khurPasskeysIntro")}</p>
            <#if (khurPasskeys![])?has_content>
                <ul id="khur-passkey-list" class="khur-passkey-list">
                    <#list khurPasskeys as p>
                        <li id="khur-passkey-${p?counter}" class="khur-passkey-list__item">
                            <h2 class="khur-passkey-list__name">${p.label}</h2>
                            <p class="khur-hint">${msg("khurPasskeyCreatedOn", p.created)}</p>
                            <form action="${url.loginAction}" method="post" class="khur-passkey-list__rename">
                                <input type="hidden" name="credentialId" value="${p.id}"/>
                                <#assign khurLabelError = (messagesPerField.getFirstError('label-' + p.id))!''>
                                <label for="khur-passkey-label-${p?counter}" class="${properties.kcLabelClass!}">${msg("khurPasskeyNewName")}</label>
                                <span class="${properties.kcInputClass!} <#if khurLabelError?has_content>${properties.kcError!}</#if>">
                                    <input type="text" id="khur-passkey-label-${p?counter}" name="label" value="${p.label}" maxlength="64"
                                           autocomplete="off" <#if khurLabelError?has_content>aria-invalid="true" aria-describedby="khur-passkey-label-error-${p?counter}"</#if>/>
                                </span>
                                <#if khurLabelError?has_content>
                                    <p id="khur-passkey-label-error-${p?counter}" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(khurLabelError)?no_esc}</p>
                                </#if>
                                <div class="khur-passkey-list__actions">
                                    <button type="submit" id="khur-passkey-rename-${p?counter}" name="khur-action" value="rename"
                                            class="${properties.kcButtonSecondaryClass!}">${msg("khurPasskeyRename")}</button>
                                    <button type="submit" id="khur-passkey-remove-${p?counter}" name="khur-action" value="remove"
                                            class="${properties.kcButtonSecondaryClass!} khur-button--danger">${msg("khurPasskeyRemove")}</button>
                                </div>
                            </form>
                        </li>
                    </#list>
                </ul>
            <#else>
                <p id="khur-passkey-none" class="khur-hint">${msg("khurPasskeysNone")}</p>
            </#if>
            <form action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <button type="submit" id="khur-passkeys-done" name="khur-action" value="done"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("khurPasskeysDone")}</button>
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>

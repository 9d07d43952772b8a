// ХУР account console page "Passkey-ууд" (content.json: content/khur-passkeys). Renaming and removing passkeys
// happen on the server-rendered passkey page (required action khur-passkeys, no script needed there), which
// /realms/<realm>/khur-passkeys/page starts; this page explains and links to it. Texts come from the theme's message
// bundles through the same endpoint the account console itself reads.
import { createElement as h, useEffect, useState } from "react";

const environment = JSON.parse(document.getElementById("environment").textContent);

function useMessages(locale) {
    const [messages, setMessages] = useState(null);
    useEffect(() => {
        const url = `${environment.serverBaseUrl}/resources/${encodeURIComponent(environment.realm)}/account/${encodeURIComponent(locale)}`;
        fetch(url)
            .then((response) => (response.ok ? response.json() : []))
            .then((list) => setMessages(Object.fromEntries(list.map(({ key, value }) => [key, value]))))
            .catch(() => setMessages({}));
    }, [locale]);
    return messages;
}

export default function KhurPasskeys() {
    const locale = document.documentElement.lang || environment.locale;
    const messages = useMessages(locale);
    if (messages === null) {
        return null;
    }
    const text = (key) => messages[key] ?? key;
    const manage = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/khur-passkeys/page?lang=${encodeURIComponent(locale)}`;
    return h("section", { id: "khur-passkeys-page", className: "pf-v5-c-page__main-section pf-m-light" },
        h("h1", { className: "pf-v5-c-title pf-m-2xl" }, text("khurPasskeysPage")),
        h("p", { className: "pf-v5-u-my-md" }, text("khurPasskeysPageIntro")),
        h("a", { id: "khur-passkeys-manage", className: "pf-v5-c-button pf-m-primary", href: manage }, text("khurPasskeysPageManage")));
}

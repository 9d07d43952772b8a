// ХУР: a name for the account console's icon-only header button that keycloak.v3 (26.7.3) renders without one
// at phone widths (the "⋮" options menu: axe "button-name", WCAG 4.1.2). Upstream behaviour worked around here;
// drop this file once keycloak.v3 names the button itself.
const NAMES = { mn: "Цэс", en: "Menu" };
const SELECTOR = 'button[data-testid="options-kebab-toggle"]';

function nameUnnamedButtons() {
    const language = document.documentElement.lang === "en" ? "en" : "mn";
    for (const button of document.querySelectorAll(SELECTOR)) {
        if (!button.getAttribute("aria-label") && !button.textContent.trim()) {
            button.setAttribute("aria-label", NAMES[language]);
        }
    }
}

new MutationObserver(nameUnnamedButtons).observe(document.documentElement, { subtree: true, childList: true });
nameUnnamedButtons();

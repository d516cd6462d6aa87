// Progressive enhancement only: every form works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
    // Ask before destructive actions (revoke, disable, close a unit).
    document.querySelectorAll("form[data-confirm]").forEach((form) => {
        form.addEventListener("submit", (event) => {
            if (!window.confirm(form.dataset.confirm)) {
                event.preventDefault();
            }
        });
    });

    // A choice that reloads the form (the online submission's procedure picker); a <noscript> button does it
    // without JavaScript. Here rather than in an onchange attribute: the Content-Security-Policy runs no inline code.
    document.querySelectorAll("select[data-submit-on-change]").forEach((select) => {
        select.addEventListener("change", () => select.form.submit());
    });
});

// htmx requests carry the antiforgery token like ordinary form posts do.
document.addEventListener("htmx:configRequest", (event) => {
    const token = document.querySelector('meta[name="request-verification-token"]');
    if (token) {
        event.detail.headers["RequestVerificationToken"] = token.content;
    }
});

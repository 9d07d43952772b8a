/*
 * ХУР SIM / cloud signature waiting page (khur-esign-push.ftl, #khur-esign-push-wait).
 * Progressive enhancement only: without this script the citizen presses "Шалгах"
 * (#khur-esign-push-check) after signing on the phone. With it, the form is re-submitted every
 * data-poll-seconds (the server asks the MSSP, MSS_StatusQuery, and either shows this page again,
 * logs the citizen in, or shows why not); #khur-esign-push-status (aria-live) says once that we are waiting.
 */
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("khur-esign-push-wait");
    if (!form || form.getAttribute("data-khur-started") === "true") {
      return;
    }
    form.setAttribute("data-khur-started", "true");
    var seconds = parseInt(form.getAttribute("data-poll-seconds") || "3", 10) || 3;
    var status = document.getElementById("khur-esign-push-status");
    var cancelled = false;
    var cancel = document.getElementById("khur-esign-push-cancel");
    if (cancel) {
      cancel.addEventListener("click", function () {
        cancelled = true;
      });
    }
    // the live region keeps its one message (no per-second re-announcements); <progress> shows activity
    if (status) {
      status.setAttribute("aria-busy", "false");
    }
    window.setTimeout(function () {
      if (!cancelled) {
        form.submit(); // submit() sends the hidden poll field, not the cancel button
      }
    }, seconds * 1000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

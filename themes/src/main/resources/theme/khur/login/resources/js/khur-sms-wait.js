/*
 * ХУР reverse-SMS waiting page (khur-sms-challenge.ftl).
 *
 * Progressive enhancement only: without this script the citizen sends the SMS and presses
 * "Үргэлжлүүлэх" (#khur-sms-continue) themselves. With it:
 *  - long-polls data-status-url?wait=N (same-origin credentials, no cache) for
 *    {"status":"pending"|"matched"|"expired"}: the server holds the request until the SMS is
 *    matched or N seconds (at most the code's remaining life) have passed, so the page continues
 *    as soon as the SMS arrives while asking only every ~25 s; an answer that comes back sooner
 *    than a second (a server that does not hold) is followed by the next request a second later;
 *  - on "matched" announces it in #khur-sms-status (aria-live) and presses Continue;
 *  - on "pending" with a "feedback" (an SMS came but did not count: "wrong_code", "other_number") shows
 *    that data-text-feedback-* text in #khur-sms-status, and tells the server it has seen it (?seen=);
 *  - on "expired", or when data-expires-at has passed, shows the expired state and stops;
 *  - shows a mm:ss countdown in #khur-sms-countdown.
 * Texts come from data-text-* attributes on #khur-sms-form, so the page needs no inline script.
 */
(function () {
  "use strict";

  var POLL_MS = 1000;          // the least time between two requests
  var WAIT_SECONDS = 25;       // how long the server may hold one (below proxies' idle timeouts)
  var MAX_BACKOFF_MS = 5000;

  function start() {
    var form = document.getElementById("khur-sms-form");
    if (!form || form.getAttribute("data-khur-started") === "true") {
      return;
    }
    if (form.getAttribute("data-expired") === "true") {
      return; // the server already rendered the expired state: nothing to wait for
    }
    form.setAttribute("data-khur-started", "true");

    var statusUrl = form.getAttribute("data-status-url") || "";
    var expiresAtMs = (parseInt(form.getAttribute("data-expires-at") || "0", 10) || 0) * 1000;
    var serverNowMs = parseInt(form.getAttribute("data-server-now") || "0", 10) || 0;
    // Correct for a wrong clock on the citizen's device: the server rendered data-server-now.
    var clockOffsetMs = serverNowMs > 0 ? serverNowMs - Date.now() : 0;

    var statusEl = document.getElementById("khur-sms-status");
    var countdownEl = document.getElementById("khur-sms-countdown");
    var countdownWrap = document.getElementById("khur-sms-countdown-wrap");
    var expiredEl = document.getElementById("khur-sms-expired");
    var continueBtn = document.getElementById("khur-sms-continue");

    var text = {
      matched: form.getAttribute("data-text-matched") || "",
      expired: form.getAttribute("data-text-expired") || "",
      checkFailed: form.getAttribute("data-text-check-failed") || "",
      feedback: {
        wrong_code: form.getAttribute("data-text-feedback-wrong-code") || "",
        other_number: form.getAttribute("data-text-feedback-other-number") || ""
      }
    };
    var seenFeedback = "";   // the last feedback shown, so the server holds the next request again

    var done = false;        // matched or expired: nothing more to do
    var pollTimer = null;    // a scheduled poll
    var inFlight = false;    // a status request is under way
    var tickTimer = null;
    var failures = 0;

    function now() {
      return Date.now() + clockOffsetMs;
    }

    function remainingMs() {
      return expiresAtMs > 0 ? expiresAtMs - now() : Infinity;
    }

    function setStatus(message) {
      if (statusEl && statusEl.textContent !== message) {
        statusEl.textContent = message;
      }
    }

    function pad(n) {
      return n < 10 ? "0" + n : String(n);
    }

    function renderCountdown() {
      if (!countdownEl || expiresAtMs <= 0) {
        return;
      }
      var secs = Math.max(0, Math.ceil(remainingMs() / 1000));
      countdownEl.textContent = pad(Math.floor(secs / 60)) + ":" + pad(secs % 60);
      if (countdownWrap && countdownWrap.hidden) {
        countdownWrap.hidden = false;
      }
    }

    function stopTimers() {
      if (pollTimer !== null) {
        clearTimeout(pollTimer);
        pollTimer = null;
      }
      if (tickTimer !== null) {
        clearInterval(tickTimer);
        tickTimer = null;
      }
    }

    function showExpired() {
      if (done) {
        return;
      }
      done = true;
      stopTimers();
      var root = document.getElementById("khur-sms");
      if (root) {
        root.classList.add("khur-sms--expired");
      }
      var liveOnly = document.querySelectorAll("[data-khur-live-only]");
      for (var i = 0; i < liveOnly.length; i++) {
        liveOnly[i].hidden = true;
      }
      if (expiredEl) {
        expiredEl.hidden = false;
      }
      if (continueBtn) {
        continueBtn.hidden = true;
        continueBtn.disabled = true;
      }
      setStatus(text.expired);
    }

    function submitContinue() {
      if (done) {
        return;
      }
      done = true;
      stopTimers();
      setStatus(text.matched);
      if (!continueBtn) {
        form.submit();
        return;
      }
      // requestSubmit(submitter) sends name=continue like a real click would.
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit(continueBtn);
      } else {
        continueBtn.click();
      }
    }

    function showFeedback(feedback) {
      if (typeof feedback !== "string" || feedback === seenFeedback) {
        return;
      }
      seenFeedback = feedback;
      if (text.feedback.hasOwnProperty(feedback) && text.feedback[feedback]) {
        setStatus(text.feedback[feedback]);
      }
    }

    function schedulePoll(delay) {
      if (done || !statusUrl) {
        return;
      }
      pollTimer = setTimeout(poll, delay);
    }

    function poll() {
      pollTimer = null;
      if (done) {
        return;
      }
      var last = remainingMs() <= 0;
      var wait = last ? 0 : Math.max(0, Math.min(WAIT_SECONDS, Math.floor(remainingMs() / 1000)));
      var startedAt = Date.now();
      inFlight = true;
      // a held request the network silently dropped must not stall the page
      var abort = typeof AbortController === "function" ? new AbortController() : null;
      var abortTimer = abort ? setTimeout(function () { abort.abort(); }, (wait + 15) * 1000) : null;
      fetch(statusUrl + (statusUrl.indexOf("?") < 0 ? "?" : "&") + "wait=" + wait
          + (seenFeedback ? "&seen=" + encodeURIComponent(seenFeedback) : ""), {
        method: "GET",
        credentials: "same-origin",
        cache: "no-store",
        headers: { "Accept": "application/json" },
        signal: abort ? abort.signal : undefined
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      }).then(function (body) {
        clearTimeout(abortTimer);
        inFlight = false;
        failures = 0;
        var status = body && typeof body.status === "string" ? body.status : "";
        if (status === "matched") {
          submitContinue();
        } else if (status === "expired" || last) {
          showExpired();
        } else {
          showFeedback(body.feedback);
          schedulePoll(Math.max(0, POLL_MS - (Date.now() - startedAt)));
        }
      }).catch(function () {
        clearTimeout(abortTimer);
        inFlight = false;
        failures++;
        if (last) {
          showExpired();
          return;
        }
        if (failures === 3) {
          setStatus(text.checkFailed);
        }
        schedulePoll(Math.min(MAX_BACKOFF_MS, POLL_MS * Math.pow(2, Math.min(failures, 3))));
      });
    }

    // Poll now instead of waiting for the scheduled poll (unless one is already under way).
    function pollNow() {
      if (done || !statusUrl || inFlight) {
        return;
      }
      if (pollTimer !== null) {
        clearTimeout(pollTimer);
        pollTimer = null;
      }
      poll();
    }

    function tick() {
      renderCountdown();
      if (!done && remainingMs() <= 0) {
        if (tickTimer !== null) {
          clearInterval(tickTimer);
          tickTimer = null;
        }
        if (!statusUrl) {
          showExpired();
        } else {
          // One last look: the SMS may have been matched in the final second. If a request
          // is under way, its follow-up poll (started after expiry) is the last one.
          pollNow();
        }
      }
    }

    if (expiresAtMs > 0) {
      renderCountdown();
      tickTimer = setInterval(tick, 250);
    }
    if (remainingMs() <= 0) {
      tick();
    } else {
      schedulePoll(0);
    }

    // Coming back to the tab (or from the messages app on a phone): check at once.
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") {
        pollNow();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/*
 * ХУР USB-token login (khur-esign-token.ftl), docs/CONTRACTS.md §4; also the state registry's approval by signature
 * (khur-registry-approval.ftl, same ids, no register-number field).
 * On the button press (a user gesture: Chrome's Local Network Access asks permission for
 * loopback only then) it opens the ESIGN client's WebSocket, sends
 * {"type":"e457cb50ed64bde0","data":<the server's exact challenge string>}, waits for the PIN
 * entry and posts {certificate, signature}. If the client is not running, refuses, is cancelled
 * or times out, it posts clientError=<code> instead, and the server shows the message.
 */
(function () {
  "use strict";

  var MESSAGE_TYPE = "e457cb50ed64bde0";

  function start() {
    var form = document.getElementById("khur-esign-form");
    var button = document.getElementById("khur-esign-sign");
    if (!form || !button) {
      return;
    }
    var status = document.getElementById("khur-esign-status");
    var regnum = document.getElementById("khur-esign-register-number");
    var busy = false;

    function say(text) {
      if (status) {
        status.textContent = text || "";
      }
    }

    function post(fields) {
      Object.keys(fields).forEach(function (name) {
        form.elements[name].value = fields[name];
      });
      form.submit();
    }

    function fail(code) {
      post({ clientError: code });
    }

    button.addEventListener("click", function () {
      if (busy) {
        return;
      }
      // the registry approval by signature (khur-registry-approval.ftl) has no register-number field: the text is fixed
      if (regnum && !regnum.value.trim()) {
        regnum.setCustomValidity(form.getAttribute("data-text-required") || "");
        regnum.reportValidity();
        return;
      }
      if (regnum) {
        regnum.setCustomValidity("");
      }
      busy = true;
      button.disabled = true;
      say(form.getAttribute("data-text-connecting"));

      var opened = false;
      var finished = false;
      var timeoutMs = (parseInt(form.getAttribute("data-timeout-seconds") || "120", 10) || 120) * 1000;
      var socket;
      var timer = setTimeout(function () { finish("timeout"); }, timeoutMs);

      function finish(errorCode, answer) {
        if (finished) {
          return;
        }
        finished = true;
        clearTimeout(timer);
        try { socket.close(); } catch (ignored) { /* already closed */ }
        if (errorCode) {
          fail(errorCode);
        } else {
          post({ certificate: answer.certificate, signature: answer.signature });
        }
      }

      try {
        socket = new WebSocket(form.getAttribute("data-client-url"));
      } catch (e) {
        finish("not_running");
        return;
      }
      socket.onopen = function () {
        opened = true;
        say(form.getAttribute("data-text-waiting-pin"));
        socket.send(JSON.stringify({ type: MESSAGE_TYPE, data: form.getAttribute("data-sign-data") }));
      };
      socket.onmessage = function (event) {
        var answer;
        try {
          answer = JSON.parse(event.data);
        } catch (e) {
          finish("other");
          return;
        }
        if (answer && typeof answer.certificate === "string" && typeof answer.signature === "string") {
          finish(null, answer);
        } else {
          finish(answer && typeof answer.error === "string" ? answer.error : "other");
        }
      };
      socket.onerror = function () {
        finish(opened ? "other" : "not_running");
      };
      socket.onclose = function () {
        finish(opened ? "other" : "not_running");
      };
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

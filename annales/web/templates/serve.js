/* annales serve: the edit forms. Each posts JSON to the API with the token given at start-up
   (kept for this tab only, in sessionStorage; a link ending in #token=... hands it over). */
(function () {
  "use strict";
  var KEY = "annales-token";
  var hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  if (hash.has("token")) {
    sessionStorage.setItem(KEY, hash.get("token"));
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  function token() { return sessionStorage.getItem(KEY) || ""; }
  function say(text, ok) {
    var box = document.getElementById("edit-message");
    if (!box) { return; }
    box.textContent = text;
    box.className = "message " + (ok ? "ok" : "error");
  }

  var tokenForm = document.getElementById("token-form");
  if (tokenForm) {
    var field = document.getElementById("token");
    field.value = token();
    tokenForm.addEventListener("submit", function (event) {
      event.preventDefault();
      sessionStorage.setItem(KEY, field.value.trim());
      say("Token kept for this tab.", true);
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Annales-Token": token() },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.detail || ("HTTP " + response.status)); }
        return data;
      }, function () { throw new Error("HTTP " + response.status); });
    });
  }

  function go(data, fallback) {
    var next = data.happening ? "/happenings/" + data.happening.id : fallback;
    window.location.assign(next);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-correct]"), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { action: form.getAttribute("data-action") };
      var field = form.getAttribute("data-field");
      if (field) { body.field = field; }
      var input = form.querySelector("[name=value]");
      if (form.hasAttribute("data-value")) { body.value = JSON.parse(form.getAttribute("data-value")); }
      else if (input) {
        body.value = input.value.trim();
        if (field === "actor" || field === "recipient") {
          body.value = body.value ? body.value.split(/\s*;\s*/) : [];
        }
      }
      if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) { return; }
      say("Saving…", true);
      post(form.getAttribute("data-correct"), body).then(function (data) {
        say("Saved.", true);
        go(data, "/corrections");
      }).catch(function (error) { say(error.message, false); });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("button[data-undo]"), function (button) {
    button.addEventListener("click", function () {
      say("Undoing…", true);
      post("/api/v1/corrections/" + button.getAttribute("data-undo") + "/undo").then(function (data) {
        say("Undone.", true);
        go(data, window.location.pathname);
      }).catch(function (error) { say(error.message, false); });
    });
  });

  var reset = document.getElementById("f-reset");
  if (reset && reset.getAttribute("data-href")) {
    reset.addEventListener("click", function () { window.location.assign(reset.getAttribute("data-href")); });
  }
})();

// Installed first so that any later failure is counted (the browser tests read data-errors); inlined
// into the HTML report and served to annales serve's pages.
(function () {
  var errors = [];
  function note(message) {
    errors.push(String(message));
    document.documentElement.setAttribute("data-errors", String(errors.length));
    document.documentElement.setAttribute("data-error-messages", errors.join(" | ").slice(0, 2000));
  }
  window.addEventListener("error", function (event) { note(event.message || "error"); });
  window.addEventListener("unhandledrejection", function (event) { note(event.reason || "rejection"); });
  var original = console.error;
  console.error = function () { note(Array.prototype.join.call(arguments, " ")); original.apply(console, arguments); };
  document.documentElement.setAttribute("data-errors", "0");
})();

/* Progressive enhancement only: the form works the same without this script.
   Shows the remit guidance as soon as an answer points elsewhere, and moves focus to the
   error summary after a submit with errors. */
(function () {
  "use strict";
  function update(wrapper) {
    var chosen = {};
    wrapper.querySelectorAll("[data-triage]").forEach(function (input) {
      if (input.checked) { chosen[input.getAttribute("data-triage")] = true; }
    });
    wrapper.querySelectorAll("[data-triage-panel]").forEach(function (panel) {
      panel.hidden = !chosen[panel.getAttribute("data-triage-panel")];
    });
  }
  document.querySelectorAll("[data-br-complaint-form]").forEach(function (wrapper) {
    wrapper.addEventListener("change", function () { update(wrapper); });
    update(wrapper);
    var summary = wrapper.querySelector(".br-error-summary");
    if (summary) { summary.focus(); }
  });
})();

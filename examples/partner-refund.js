// The partner page's own plain script: it asks the widget's JS API about a purchase,
// without any widget UI, and writes the answer into the page.
(function () {
  function ask() {
    var answer = window.TermsWidget.evaluateRefund({
      kind: "specialization",
      paid_at: "2026-01-10T08:00:00Z",
      now: "2026-01-20T08:00:00Z"
    });
    var out = document.getElementById("api-answer");
    if (answer.error) {
      out.textContent = "error: " + answer.error;
    } else if (answer.eligible) {
      out.textContent = "full refund until " + answer.deadline + " (" + answer.outcome + ")";
    } else {
      out.textContent = answer.outcome;
    }
  }
  if (window.TermsWidget) {
    ask();
  } else {
    window.addEventListener("terms-widget:ready", ask, { once: true });
  }
})();

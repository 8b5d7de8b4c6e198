// Stands in for an analytics tag: gated behind data-consent="analytics".
// (In a function: a global `status` would be window.status, which only takes strings.)
(function () {
  window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
  var line = document.getElementById("analytics-status");
  if (line) line.textContent = "Analytics is running (the learner allowed it).";
})();

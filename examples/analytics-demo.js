// Stands in for an analytics tag: gated behind data-consent="analytics".
window.__analyticsRuns = (window.__analyticsRuns || 0) + 1;
var status = document.getElementById("analytics-status");
if (status) status.textContent = "Analytics is running (the learner allowed it).";

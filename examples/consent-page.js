// The consent example page's own script: a Google tag set-up (Consent Mode v2) and a
// log of what terms-widget tells the page.
window.dataLayer = window.dataLayer || [];
function gtag() {
  window.dataLayer.push(arguments);
}
window.gtag = gtag;

document.addEventListener("consent-change", function (event) {
  var log = document.getElementById("consent-log");
  if (!log) return;
  var item = document.createElement("li");
  var choices = event.detail && event.detail.choices ? event.detail.choices : {};
  item.textContent =
    "consent-change: " +
    Object.keys(choices)
      .map(function (k) { return k + "=" + choices[k]; })
      .join(", ");
  log.appendChild(item);
});

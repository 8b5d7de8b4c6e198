// terms-widget: Google Consent Mode's default, set before any Google tag runs.
//
// Load it with a plain, synchronous script tag (no `async`, `defer` or `type="module"`)
// in the <head>, BEFORE the Google tag or Tag Manager snippet:
//
//   <script src="/consent-default.js"></script>
//   <script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
//   <script src="/your-gtag-config.js"></script>   <!-- gtag('config', …) -->
//   <script type="module" src="/embed.js"></script>
//
// It defines `dataLayer` and `gtag` the way Google's snippet does and sends every
// Consent Mode type as "denied", with `wait_for_update` so tags wait briefly for the
// learner's stored choice, which <terms-consent> then sends as an update. It is a file,
// not an inline snippet, so a strict Content-Security-Policy holds.
(function () {
  var w = window;
  w.dataLayer = w.dataLayer || [];
  if (typeof w.gtag !== 'function') {
    w.gtag = function gtag() {
      w.dataLayer.push(arguments);
    };
  }
  w.gtag('consent', 'default', {
    ad_storage: 'denied',
    analytics_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    wait_for_update: 500,
  });
})();

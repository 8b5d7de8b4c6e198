// terms-widget loader: one <script type="module" src=".../embed.js"> on any page
// registers the widget's elements and window.TermsWidget, then fires
// "terms-widget:ready" on window. The WebAssembly files are found next to this script.
//
// Two builds of the same crate sit next to it:
//   - terms-consent.js + terms-consent_bg.wasm: <terms-consent> and
//     <terms-privacy-choices> only (with TermsWidget.getConsent and openPreferences);
//   - terms-widget.js + terms-widget_bg.wasm: everything (the documents view, the refund
//     calculator, consent, the whole TermsWidget API).
// A page whose elements are all consent elements gets the consent build. Any other page
// (a <terms-widget>, or no element yet: a page that only calls the API) gets the full
// build. The full build is loaded later, once, when the page needs it: a <terms-widget>
// added afterwards, or the learner opening the privacy policy from the banner (the
// consent build asks with the "terms-widget:load-full" event).
//
// Each wasm download starts at once, in parallel with its JS glue (a dynamic import), so
// the page waits for one round trip after embed.js rather than two. Pages can start both
// even earlier with preload hints (see the README), e.g. on a consent-only page:
//   <link rel="modulepreload" href=".../terms-consent.js">
//   <link rel="preload" href=".../terms-consent_bg.wasm" as="fetch" type="application/wasm" crossorigin>

const started = performance.now();
const FULL_ELEMENTS = "terms-widget, terms-signup, terms-honor-code";
const CONSENT_ELEMENTS = "terms-consent, terms-privacy-choices";

const loading = new Map();

function load(build) {
  if (!loading.has(build)) {
    const wasm = fetch(new URL(`./${build}_bg.wasm`, import.meta.url));
    loading.set(
      build,
      import(`./${build}.js`).then(({ default: init }) => init({ module_or_path: wasm })),
    );
  }
  return loading.get(build);
}

function loadFull() {
  if (watcher) watcher.disconnect();
  return load("terms-widget").catch((error) => {
    console.error("[terms-widget] could not load the documents view:", error);
    window.dispatchEvent(new CustomEvent("terms-widget:load-failed"));
    // Another request may try again (the learner opens the policy once more).
    loading.delete("terms-widget");
    throw error;
  });
}

const consentOnly =
  document.querySelector(FULL_ELEMENTS) === null && document.querySelector(CONSENT_ELEMENTS) !== null;

let watcher = null;
if (consentOnly) {
  window.addEventListener("terms-widget:load-full", () => loadFull().catch(() => {}));
  // A documents element added to the page later brings the full build.
  watcher = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType === 1 && (node.matches(FULL_ELEMENTS) || node.querySelector(FULL_ELEMENTS))) {
          loadFull().catch(() => {});
          return;
        }
      }
    }
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}

(consentOnly ? load("terms-consent") : loadFull())
  .then(() => {
    performance.mark("terms-widget:ready", {
      detail: { ms: performance.now() - started, build: consentOnly ? "consent" : "full" },
    });
    // window.TermsWidget is there from now on (evaluateRefund once the full build is).
    window.dispatchEvent(new CustomEvent("terms-widget:ready"));
  })
  .catch((error) => {
    console.error("[terms-widget] could not start:", error);
  });

// terms-widget loader: one <script type="module" src=".../embed.js"> on any page
// registers the widget's elements and window.TermsWidget, then fires
// "terms-widget:ready" on window. The WebAssembly files are found next to this script.
//
// Three builds of the same crate sit next to it, each a JS glue file and a wasm:
//   - terms-consent: <terms-consent> and <terms-privacy-choices>, with
//     TermsWidget.getConsent and openPreferences;
//   - terms-documents: <terms-widget> (the documents view, the refund calculator, the
//     verdict card), with TermsWidget.evaluateRefund;
//   - terms-widget, the full build: every element and the whole TermsWidget API.
// The page gets the smallest build that defines every element on it when this script
// runs: the consent build when they are all consent elements, the documents build when
// they are all <terms-widget>, and the full build otherwise (acceptance elements, both
// kinds together, or no element yet: a page that only calls the API). A page can ask for
// the full build with <script type="module" src=".../embed.js" data-build="full">.
//
// Later, a build is loaded once when the page needs an element it does not have yet: an
// element added to the page, or the learner opening the privacy policy from the banner
// (the consent build asks for <terms-widget> with the "terms-widget:load-documents"
// event, and hears "terms-widget:load-failed" if it could not be loaded).
//
// Each wasm download starts at once, in parallel with its JS glue (a dynamic import), so
// the page waits for one round trip after embed.js rather than two. Pages can start both
// even earlier with preload hints (see the README), e.g. on a consent-only page:
//   <link rel="modulepreload" href=".../terms-consent.js">
//   <link rel="preload" href=".../terms-consent_bg.wasm" as="fetch" type="application/wasm" crossorigin>

const started = performance.now();

// Which build defines which element. The full build defines them all.
const BUILD_OF = {
  "terms-consent": "terms-consent",
  "terms-privacy-choices": "terms-consent",
  "terms-widget": "terms-documents",
  "terms-signup": "terms-widget",
  "terms-honor-code": "terms-widget",
};
const ELEMENTS = Object.keys(BUILD_OF).join(", ");
const FULL = "terms-widget";

const loading = new Map();

function load(build) {
  if (!loading.has(build)) {
    const wasm = fetch(new URL(`./${build}_bg.wasm`, import.meta.url));
    const started = import(`./${build}.js`)
      .then(({ default: init }) => init({ module_or_path: wasm }))
      .catch((error) => {
        // Another request may try again (the learner opens the policy once more).
        loading.delete(build);
        throw error;
      });
    loading.set(build, started);
  }
  return loading.get(build);
}

// Loads the build that defines `name`, unless that element is defined already.
function loadFor(name) {
  if (customElements.get(name) || loading.has(FULL)) return;
  load(BUILD_OF[name]).catch((error) => {
    console.error(`[terms-widget] could not load <${name}>:`, error);
    window.dispatchEvent(new CustomEvent("terms-widget:load-failed"));
  });
}

// The build this page starts with.
function firstBuild() {
  const script = [...document.querySelectorAll("script[data-build]")].find(
    (s) => s.src === import.meta.url,
  );
  if (script && script.dataset.build === "full") return FULL;
  const builds = new Set([...document.querySelectorAll(ELEMENTS)].map((el) => BUILD_OF[el.localName]));
  return builds.size === 1 ? [...builds][0] : FULL;
}

// The part of the API the first build lacks, on a page that started with the consent or
// the documents build: a clear answer instead of "not a function". The build that has the
// real function replaces its stand-in when it loads. TermsWidget.getConsent and openPreferences
// need no stand-in on a documents page: with no <terms-consent> on the page the full build
// answers null and does nothing, and a <terms-consent> added later brings the consent
// build, which defines them.
function standIns(build) {
  const api = (window.TermsWidget = window.TermsWidget || {});
  const needsFull = (name) => () => {
    const message =
      `TermsWidget.${name} needs the full build, and this page started with the ${build} build ` +
      `(by the elements on it). Add data-build="full" to the embed.js script tag.`;
    console.error(`[terms-widget] ${message}`);
    return { error: "needs_full_build", message };
  };
  const missing = ["getAcceptances", "pendingAcceptances"];
  if (build === "terms-consent") missing.push("evaluateRefund");
  for (const name of missing) {
    if (typeof api[name] !== "function") api[name] = needsFull(name);
  }
  if (build === "terms-documents") {
    if (typeof api.getConsent !== "function") {
      api.getConsent = () => document.querySelector("terms-consent")?.consent ?? null;
    }
    if (typeof api.openPreferences !== "function") api.openPreferences = () => {};
  }
}

const first = firstBuild();

if (first !== FULL) {
  window.addEventListener("terms-widget:load-documents", () => loadFor("terms-widget"));
  // An element added to the page later brings the build that defines it.
  const watcher = new MutationObserver((records) => {
    if (loading.has(FULL)) {
      watcher.disconnect();
      return;
    }
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        for (const el of [node, ...node.querySelectorAll(ELEMENTS)]) {
          if (el.matches(ELEMENTS)) loadFor(el.localName);
        }
      }
    }
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}

load(first)
  .then(() => {
    // Only now: window.TermsWidget appears with its build, as pages that test for it expect.
    if (first !== FULL) standIns(first);
    performance.mark("terms-widget:ready", {
      detail: { ms: performance.now() - started, build: first },
    });
    // window.TermsWidget is there from now on (see the build list above for what each has).
    window.dispatchEvent(new CustomEvent("terms-widget:ready"));
  })
  .catch((error) => {
    console.error("[terms-widget] could not start:", error);
  });

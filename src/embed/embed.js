// terms-widget loader: <script type="module" src=".../embed.js"> registers the page's
// elements and window.TermsWidget from one of three builds next to it (terms-consent,
// terms-documents, terms-widget: the full one), then fires "terms-widget:ready" on
// window. Which build a page gets, what each has and the preload hints: README,
// "Embedding". Kept short: every page that embeds the widget downloads this file.

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
    const ready = import(`./${build}.js`)
      .then(({ default: init }) => init({ module_or_path: wasm }))
      .catch((error) => {
        // Another request may try again (the learner opens the policy once more).
        loading.delete(build);
        throw error;
      });
    loading.set(build, ready);
  }
  return loading.get(build);
}

// Loads the build that defines `name`, unless that element is defined already. If that
// fails, "terms-widget:load-failed" says which build and which elements it would have
// defined (detail: { build, elements }), so a view waiting for one of them can tell.
function loadFor(name) {
  if (customElements.get(name) || loading.has(FULL)) return;
  const build = BUILD_OF[name];
  load(build).catch((error) => {
    console.error(`[terms-widget] could not load <${name}> (the ${build} build):`, error);
    const elements = Object.keys(BUILD_OF).filter((n) => build === FULL || BUILD_OF[n] === build);
    window.dispatchEvent(new CustomEvent("terms-widget:load-failed", { detail: { build, elements } }));
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
// real function replaces its stand-in when it loads. On a documents page getConsent and
// openPreferences answer as the full build does without a <terms-consent> (null; nothing
// to open); a <terms-consent> added later brings the consent build's own.
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

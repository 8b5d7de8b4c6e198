// terms-widget loader: one <script type="module" src=".../embed.js"> on any page
// registers <terms-widget> and window.TermsWidget, then fires "terms-widget:ready" on
// window. The WebAssembly file is found next to this script.
//
// The wasm download starts at once, in parallel with the JS glue (a dynamic import), so
// the page waits for one round trip after embed.js rather than two. Pages that know they
// embed the widget can start both even earlier with preload hints (see the README):
//   <link rel="modulepreload" href=".../terms-widget.js">
//   <link rel="preload" href=".../terms-widget_bg.wasm" as="fetch" type="application/wasm" crossorigin>

const started = performance.now();
const wasm = fetch(new URL("./terms-widget_bg.wasm", import.meta.url));

import("./terms-widget.js")
  .then(({ default: init }) => init({ module_or_path: wasm }))
  .then(() => {
    performance.mark("terms-widget:ready", { detail: { ms: performance.now() - started } });
    // window.TermsWidget (evaluateRefund, …) is there from now on.
    window.dispatchEvent(new CustomEvent("terms-widget:ready"));
  })
  .catch((error) => {
    console.error("[terms-widget] could not start:", error);
  });

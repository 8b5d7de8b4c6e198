// terms-widget loader: one <script type="module" src=".../embed.js"> on any page
// registers <terms-widget> and window.TermsWidget, then fires "terms-widget:ready" on
// window. The WebAssembly file is found next to this script.
import init from "./terms-widget.js";

const started = performance.now();
init({ module_or_path: new URL("./terms-widget_bg.wasm", import.meta.url) })
  .then(() => {
    performance.mark("terms-widget:ready", { detail: { ms: performance.now() - started } });
    // window.TermsWidget (evaluateRefund, …) is there from now on.
    window.dispatchEvent(new CustomEvent("terms-widget:ready"));
  })
  .catch((error) => {
    console.error("[terms-widget] could not start:", error);
  });

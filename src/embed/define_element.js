// The JS side of src/embed/mod.rs (see there why it is a file).
export function define_element(name, observed, connect) {
  if (customElements.get(name)) return;
  class TermsElement extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      if (this._tw) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      this._tw = connect(this, root);
    }
    disconnectedCallback() {
      // An element moved elsewhere in the page is disconnected and connected again
      // in one task: only tear down if it is still out of the page afterwards.
      queueMicrotask(() => {
        if (!this.isConnected && this._tw) {
          const tw = this._tw;
          this._tw = null;
          tw.destroy();
          tw.free();
          if (this.shadowRoot) this.shadowRoot.replaceChildren();
        }
      });
    }
    attributeChangedCallback(attr, oldValue, value) {
      if (!this._tw || value === oldValue) return;
      if (attr === 'document') {
        if (value !== null) this._tw.follow(value);
        return;
      }
      // Any other observed attribute (e.g. a course prompt's `course`) decides what the
      // element is about: start it again with the new value, nothing of the old kept.
      const tw = this._tw;
      tw.destroy();
      tw.free();
      this.shadowRoot.replaceChildren();
      this._tw = connect(this, this.shadowRoot);
    }
  }
  customElements.define(name, TermsElement);
}

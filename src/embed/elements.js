// The JS side of src/embed/mod.rs and src/embed/acceptance.rs: the custom element
// classes. A file, not `inline_js` (see src/embed/mod.rs).

// Ends what `connect` mounted in `el` and empties its shadow root.
function release(el) {
  const tw = el._tw;
  el._tw = null;
  tw.destroy();
  tw.free();
  if (el.shadowRoot) el.shadowRoot.replaceChildren();
}

// An element moved elsewhere in the page is disconnected and connected again in one
// task: only tear down if it is still out of the page afterwards.
function releaseIfGone(el) {
  queueMicrotask(() => {
    if (!el.isConnected && el._tw) release(el);
  });
}

export function define_element(name, observed, connect) {
  if (customElements.get(name)) return;
  class TermsElement extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      if (this._tw) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      this._tw = connect(this, root);
    }
    disconnectedCallback() { releaseIfGone(this); }
    attributeChangedCallback(attr, oldValue, value) {
      if (!this._tw || value === oldValue) return;
      if (attr === 'document') {
        if (value !== null) this._tw.follow(value);
        return;
      }
      // Any other observed attribute (e.g. a course prompt's `course`) decides what the
      // element is about: start it again with the new value, nothing of the old kept.
      release(this);
      this._tw = connect(this, this.shadowRoot);
    }
  }
  customElements.define(name, TermsElement);
}

export function define_form_element(name, connect) {
  if (customElements.get(name)) return;
  class TermsFormElement extends HTMLElement {
    static formAssociated = true;
    constructor() {
      super();
      this._twInternals = this.attachInternals();
    }
    get form() { return this._twInternals.form; }
    get name() { return this.getAttribute('name'); }
    get type() { return this.localName; }
    get validity() { return this._twInternals.validity; }
    get validationMessage() { return this._twInternals.validationMessage; }
    get willValidate() { return this._twInternals.willValidate; }
    checkValidity() { return this._twInternals.checkValidity(); }
    reportValidity() { return this._twInternals.reportValidity(); }
    connectedCallback() {
      if (this._tw) return;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open', delegatesFocus: true });
      this._tw = connect(this, root);
      this._twInert(this.matches(':disabled'));
    }
    // The host form was reset: start again, nothing given (like a fresh page).
    formResetCallback() {
      if (!this._tw || !this.shadowRoot) return;
      release(this);
      this._tw = connect(this, this.shadowRoot);
      this._twInert(this.matches(':disabled'));
    }
    // A disabled fieldset (or the `disabled` attribute) disables the sign-up: nothing in
    // it can be focused or changed, and the form leaves it out.
    formDisabledCallback(disabled) { this._twInert(disabled); }
    _twInert(disabled) {
      const host = this.shadowRoot && this.shadowRoot.querySelector('.tw-host');
      if (host) host.inert = disabled;
    }
    disconnectedCallback() { releaseIfGone(this); }
  }
  customElements.define(name, TermsFormElement);
}

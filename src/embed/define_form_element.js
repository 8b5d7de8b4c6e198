// The JS side of src/embed/acceptance.rs (see there why it is a file).
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
      const tw = this._tw;
      tw.destroy();
      tw.free();
      this.shadowRoot.replaceChildren();
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
    disconnectedCallback() {
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
  }
  customElements.define(name, TermsFormElement);
}

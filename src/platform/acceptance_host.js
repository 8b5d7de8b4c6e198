// The JS side of src/platform/acceptance_host.rs (see there why it is a file).
function internals(host) { return host && host._twInternals ? host._twInternals : null; }
export function tw_form_of(host) {
  const i = internals(host);
  return i ? i.form : null;
}
export function tw_set_form_value(host, value) {
  const i = internals(host);
  if (i) i.setFormValue(value);
}
export function tw_set_validity(host, message, anchor) {
  const i = internals(host);
  if (!i) return;
  if (message) {
    i.setValidity({ valueMissing: true }, message, anchor || undefined);
  } else {
    i.setValidity({});
  }
}

// The JS side of src/platform/consent_host.rs (see there why it is a file).
export function push_args(dl, a, b, c) { (function () { dl.push(arguments); })(a, b, c); }

//! Pure Rust: what the widget knows, with no browser and no Yew.
//!
//! Nothing here touches the browser or Yew, and nothing reads a clock: callers pass
//! `now` in. This is where most of the tests live (`cargo test`), beside the code they
//! test (`#[cfg(test)] mod tests`, or a `tests.rs` / `tests/` in the folder).
//!
//! | path | what it holds |
//! |---|---|
//! | [`documents`] | The bundle and its checks (`bundle/`: its types, the tolerant loader, its problems, writing it back), the `content/` compiler (`content_source`), the Markdown model and link safety (`markdown/`), search (`search/`), the changes between versions (`diff`) and the widget's routes (`route`). |
//! | [`records`] | What consent and acceptance records share: record ids (`id`), which text was agreed to and its SHA-256 (`document_ref`, `sha256`), stamping records in order (`timestamp`), language tags (`language`), what is wrong with a stored field (`field`), a stored value's `"v"` (`envelope`), two tabs joined (`merge`), delivery to the host's endpoint (`outbox`). |
//! | [`acceptance`] | Acceptance records (clickwrap, `shared/specs/acceptance.md`): the bundle's set-up (`setup`), pledges (`pledges`), scopes (`scope`), methods (`method`), records (`record`), the history (`history`), pending documents and standings (`pending`), the age gate (`age`, `gate`), the store format (`storage`) and the history in words (`receipt`). |
//! | [`consent`] | Consent, one idea a file (the API is re-exported from `mod.rs`): categories (`category`), choices and methods (`choice`), browser signals (`signals`), records (`record`), the history (`history`), whether to ask again and what is granted now (`status`), what the form proposes (`proposal`), the store format and its decoder (`storage/`), two tabs joined (`merge`), receipts (`receipt`) and plain words (`describe`); the bundle's consent set-up (`config`), whether the host page's Google Consent Mode default came first (`consent_mode`). |
//! | [`refund`] | The refund contract and engine (`mod.rs` maps its files: the kinds, the policy and its JSON overrides, the input, the engine, the decision and errors), the calculator's form as plain data (`form/`), and wall-clock times that occur twice or never (`local_time`). |
//! | [`time`] | Dates and UTC instants: parsing, formatting, long dates. |
//!
//! `time` stays at the top rather than in `records/`: every concern uses it (bundle
//! dates, consent records, refund deadlines), and the build script compiles it with the
//! bundle.
//!
//! Layers: `domain` needs nothing else of the crate except the catalog's wording
//! (`refund::form` and `acceptance::receipt` word their sentences with a
//! [`Catalog`](crate::catalog::Catalog)).

pub mod acceptance;
pub mod consent;
pub mod documents;
pub mod records;
pub mod refund;
pub mod time;
pub mod wire;

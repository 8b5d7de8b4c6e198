//! Google Consent Mode's order on the host page: a consent `default` must come before any
//! tag reads consent (a `config` command or an event), or the first hits are sent with no
//! consent state at all.
//!
//! The host's `dataLayer` is read at start-up as a list of [`Entry`]s (the platform edge
//! does the reading) and [`order_problem`] says whether something ran ahead of the
//! default. The fix for hosts is to load `consent-default.js` (shipped beside `embed.js`)
//! with a plain, synchronous `<script>` before their Google tag.
//!
//! ```
//! use terms_widget::domain::consent::consent_mode::{order_problem, Entry};
//!
//! let fine = [Entry::Command("js".into()), Entry::ConsentDefault, Entry::Command("config".into())];
//! assert_eq!(order_problem(&fine), None);
//! let late = [Entry::Command("config".into()), Entry::ConsentDefault];
//! assert!(order_problem(&late).unwrap().contains("gtag('config'"));
//! ```

/// One `dataLayer` entry, as far as consent order is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `gtag('consent', 'default', …)`.
    ConsentDefault,
    /// Any other `gtag(command, …)` call: `"js"`, `"config"`, `"event"`, `"set"`, or
    /// `"consent"` with `"update"`.
    Command(String),
    /// A Google Tag Manager push of an object with an `event` key (e.g. `gtm.js`).
    Event(String),
    /// Anything else (plain variables pushed for Tag Manager).
    Other,
}

impl Entry {
    /// Does this entry make a tag read the consent state (send a hit or load a tag)?
    fn reads_consent(&self) -> bool {
        match self {
            Entry::Command(c) => c == "config" || c == "event",
            Entry::Event(_) => true,
            Entry::ConsentDefault | Entry::Other => false,
        }
    }

    fn describe(&self) -> String {
        match self {
            Entry::Command(c) => format!("gtag('{c}', …)"),
            Entry::Event(e) => format!("the Tag Manager event \"{e}\""),
            Entry::ConsentDefault => "gtag('consent', 'default', …)".into(),
            Entry::Other => "a dataLayer entry".into(),
        }
    }
}

/// Does the page have a consent default already (so the widget need not send one)?
pub fn has_default(entries: &[Entry]) -> bool {
    entries.contains(&Entry::ConsentDefault)
}

/// A warning for the host's developer when a tag read consent before any default was
/// set, naming the first such entry and the fix; `None` when the order is right (or
/// nothing reads consent yet).
pub fn order_problem(entries: &[Entry]) -> Option<String> {
    let first_default = entries.iter().position(|e| *e == Entry::ConsentDefault);
    let early = entries
        .iter()
        .take(first_default.unwrap_or(entries.len()))
        .find(|e| e.reads_consent())?;
    Some(format!(
        "Google Consent Mode: {} ran before any consent default, so tags read consent before it existed. \
         Load consent-default.js with a plain <script src> before the Google tag (see the README, \"Google Consent Mode\").",
        early.describe()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmd(c: &str) -> Entry {
        Entry::Command(c.into())
    }

    #[test]
    fn a_default_before_config_is_fine() {
        assert_eq!(order_problem(&[]), None);
        assert_eq!(
            order_problem(&[cmd("js"), Entry::ConsentDefault, cmd("config")]),
            None
        );
        assert_eq!(
            order_problem(&[Entry::ConsentDefault, Entry::Event("gtm.js".into())]),
            None
        );
        // Nothing reads consent yet: the widget's own default will come first.
        assert_eq!(order_problem(&[cmd("js"), cmd("set"), Entry::Other]), None);
    }

    #[test]
    fn config_or_an_event_before_the_default_is_reported() {
        let late = order_problem(&[cmd("js"), cmd("config"), Entry::ConsentDefault]).unwrap();
        assert!(
            late.contains("gtag('config', …) ran before any consent default"),
            "{late}"
        );
        assert!(late.contains("consent-default.js"), "{late}");
        let none = order_problem(&[cmd("event")]).unwrap();
        assert!(none.contains("gtag('event', …)"), "{none}");
        let gtm = order_problem(&[Entry::Event("gtm.js".into()), Entry::ConsentDefault]).unwrap();
        assert!(gtm.contains("\"gtm.js\""), "{gtm}");
    }

    #[test]
    fn knows_when_the_page_set_its_own_default() {
        assert!(has_default(&[cmd("js"), Entry::ConsentDefault]));
        assert!(!has_default(&[cmd("js"), cmd("consent")]));
    }
}

//! Every piece of text a learner reads, in one place: keys ([`Msg`]), one table of values
//! per language ([`en`] for now), and interpolation of named values, plural forms and the
//! platform's name from the bundle.
//!
//! Pure Rust, like [`crate::domain`]: no Yew, no browser. The domain's wording functions
//! (the refund form's labels, messages and headlines in
//! [`crate::domain::refund::form`], the acceptance history in words in
//! [`crate::domain::acceptance::receipt`]) take a `&Catalog`; components get theirs from
//! a Yew context (see below).
//!
//! # Keys, tables, values
//!
//! * A [`Msg`] names one piece of text and lists the values it interpolates
//!   ([`Msg::args`]): `HeadlineUntil(deadline)` is written with `{deadline}`.
//! * `{platform}` (the bundle's `platform.name`) and `{platform_short}` (its first word,
//!   "Kestrel" for "Kestrel Learning") can appear in any message; nothing learner-facing
//!   names a platform any other way. A bundle without a name gets [`DEFAULT_PLATFORM`],
//!   which a test ties to the built-in bundle.
//! * A key that takes `n` is a plural: its value is [`Text::Plural`] and each language
//!   picks the form for `n` with its own rule (English: `one` for 1, `other` otherwise).
//! * A language is a table `&[(Msg, Text)]`. A second language is a second table of the
//!   same keys and its plural rule, added to [`Lang`]; the tests below then check it like
//!   English: every key present once, plurals exactly where `n` is, and no placeholder
//!   the key does not declare. A key a table lacks at run time shows in English.
//! * Dates and times reach the catalog already formatted (the domain's `Date::long`,
//!   the browser's local time): the catalog only places them.
//!
//! ```
//! use terms_widget::catalog::{Catalog, Msg};
//!
//! let partner = Catalog::en().with_platform("Heron Academy");
//! assert_eq!(partner.text(Msg::HeadlineStore), "The store decides, not Heron");
//! assert_eq!(
//!     partner.with(Msg::HeadlineUntil, &[("deadline", "Tue 14 May 2024, 15:30")]),
//!     "Full refund available until Tue 14 May 2024, 15:30 your time"
//! );
//! assert_eq!(partner.count(Msg::DurationDays, 1, &[]), "1 day");
//! assert_eq!(partner.count(Msg::DurationDays, 3, &[]), "3 days");
//! // A sentence with an element inside: the text before and after the slot.
//! let (before, after) = partner.around(Msg::InEffectSince, &[], "date");
//! assert_eq!((before.as_str(), after.as_str()), ("In effect since ", ""));
//! ```
//!
//! # In components
//!
//! [`crate::components::app::App`] builds the catalog for its bundle (see
//! `AppState::catalog`) and provides it with a `ContextProvider<Rc<Catalog>>`;
//! [`crate::components::consent_app::ConsentApp`] does the same for the consent UI.
//! A component reads it with `use_catalog()` (`crate::components::use_catalog`), which
//! falls back to English with the default platform when no provider is above it (a
//! component mounted on its own, as in the browser tests):
//!
//! ```ignore
//! #[component]
//! fn Dismiss(props: &DismissProps) -> Html {
//!     let cat = use_catalog();
//!     html! { <button onclick={props.on_click.clone()}>{ cat.text(Msg::Dismiss) }</button> }
//! }
//! ```
//!
//! # What is not here
//!
//! Text for developers and bundle authors stays where it is produced, in English: console
//! messages, the bundle's validation problems (`domain::documents::bundle::Problem`, listed in the
//! widget for whoever maintains the documents), refund-rule and consent set-up problems,
//! fetch errors, and the JS API's error messages. The refund engine's own sentences
//! (`Decision::reason`, `RefundError`'s messages) are part of the refund contract that
//! `evaluateRefund` returns, the consent history in words (`domain::consent::describe`)
//! is also written into receipts, and storage notices come from
//! `platform::consent_store`: these are still English and still to move for the language
//! issue (none of them names the platform). The documents themselves are the bundle's.

pub mod en;
mod keys;

use std::fmt;

pub use keys::Msg;

/// The platform named when a bundle gives no `platform.name`: the built-in documents'
/// platform (a test checks they agree).
pub const DEFAULT_PLATFORM: &str = "Kestrel Learning";

/// A message's value in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// One form.
    Plain(&'static str),
    /// Forms chosen by the count `n` (the key declares `n`).
    Plural {
        /// For counts the language's rule calls "one" (English: 1).
        one: &'static str,
        /// For every other count.
        other: &'static str,
    },
}

impl Text {
    /// Every form, for checks.
    pub fn forms(self) -> Vec<&'static str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Plural { one, other } => vec![one, other],
        }
    }
}

/// A plural form, as a language's rule picks it for a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Singular-like.
    One,
    /// Everything else.
    Other,
}

/// `"rtl"` for a language written right to left (by its BCP 47 tag's primary subtag),
/// else `"ltr"`: the `dir` of what is shown in that language.
///
/// ```
/// use terms_widget::catalog::direction;
/// assert_eq!(direction("ar-EG"), "rtl");
/// assert_eq!(direction("en-GB"), "ltr");
/// ```
pub fn direction(tag: &str) -> &'static str {
    const RTL: [&str; 8] = ["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv"];
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if RTL.iter().any(|l| primary.eq_ignore_ascii_case(l)) {
        "rtl"
    } else {
        "ltr"
    }
}

/// A language the catalog has a table for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 1] = [Lang::En];

    /// The BCP 47 tag, e.g. `"en"`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The language's table of values.
    pub fn table(self) -> &'static [(Msg, Text)] {
        match self {
            Lang::En => en::TABLE,
        }
    }

    /// The plural form the language uses for `n`.
    pub fn plural(self, n: u64) -> Form {
        match self {
            Lang::En => en::plural(n),
        }
    }
}

/// The text of one language with the platform's names filled in.
#[derive(Clone)]
pub struct Catalog {
    lang: Lang,
    /// Indexed by `msg as usize`; `None` falls back to English.
    values: Vec<Option<Text>>,
    platform: String,
    platform_short: String,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && self.platform == other.platform
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang.tag())
            .field("platform", &self.platform)
            .finish_non_exhaustive()
    }
}

impl Default for Catalog {
    /// English, naming [`DEFAULT_PLATFORM`].
    fn default() -> Self {
        Catalog::en()
    }
}

/// Builds the lookup vector of a table.
fn index(table: &[(Msg, Text)]) -> Vec<Option<Text>> {
    let mut values = vec![None; Msg::ALL.len()];
    for (msg, text) in table {
        if let Some(slot) = values.get_mut(*msg as usize) {
            *slot = Some(*text);
        }
    }
    values
}

impl Catalog {
    /// English, naming [`DEFAULT_PLATFORM`].
    pub fn en() -> Catalog {
        Catalog::new(Lang::En)
    }

    /// The catalog of `lang`, naming [`DEFAULT_PLATFORM`].
    pub fn new(lang: Lang) -> Catalog {
        Catalog {
            lang,
            values: index(lang.table()),
            platform: DEFAULT_PLATFORM.to_string(),
            platform_short: short_name(DEFAULT_PLATFORM),
        }
    }

    /// The same catalog naming `name` (the bundle's `platform.name`); an empty name keeps
    /// the default.
    pub fn with_platform(mut self, name: &str) -> Catalog {
        let name = name.trim();
        if !name.is_empty() {
            self.platform = name.to_string();
            self.platform_short = short_name(name);
        }
        self
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The platform's name, e.g. "Kestrel Learning".
    pub fn platform(&self) -> &str {
        &self.platform
    }

    /// The value of `msg` in this language, or in English when the table lacks it.
    fn value(&self, msg: Msg) -> Text {
        let own = self.values.get(msg as usize).copied().flatten();
        own.or_else(|| en::TABLE.iter().find(|(m, _)| *m == msg).map(|(_, t)| *t))
            .unwrap_or(Text::Plain(""))
    }

    /// `msg` with only the platform's names filled in.
    pub fn text(&self, msg: Msg) -> String {
        self.with(msg, &[])
    }

    /// `msg` with its named values filled in (plurals use their `other` form).
    pub fn with(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        let template = match self.value(msg) {
            Text::Plain(s) => s,
            Text::Plural { other, .. } => other,
        };
        self.fill(template, args)
    }

    /// The plural `msg` for the count `n` (also available as `{n}`), with its other
    /// named values filled in.
    pub fn count(&self, msg: Msg, n: u64, args: &[(&str, &str)]) -> String {
        let template = match (self.value(msg), self.lang.plural(n)) {
            (Text::Plain(s), _) => s,
            (Text::Plural { one, .. }, Form::One) => one,
            (Text::Plural { other, .. }, Form::Other) => other,
        };
        let n = n.to_string();
        let mut all: Vec<(&str, &str)> = vec![("n", &n)];
        all.extend_from_slice(args);
        self.fill(template, &all)
    }

    /// The text of `msg` before and after the placeholder `{slot}`, with the other values
    /// filled in, for a sentence with an element (a link, a `<time>`) inside. Without the
    /// slot, everything is "before".
    pub fn around(&self, msg: Msg, args: &[(&str, &str)], slot: &str) -> (String, String) {
        let marker = "\u{1}";
        let mut all: Vec<(&str, &str)> = vec![(slot, marker)];
        all.extend_from_slice(args);
        let whole = self.with(msg, &all);
        match whole.split_once(marker) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (whole, String::new()),
        }
    }

    /// "A", "A and B", "A, B, and C", in this language.
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [a, b] => self.with(Msg::ListTwo, &[("a", a), ("b", b)]),
            [init @ .., last] => {
                let init = init.join(&self.text(Msg::ListSeparator));
                self.with(Msg::ListMany, &[("init", &init), ("last", last)])
            }
        }
    }

    /// A duration in words, at most two units: "5 days 12 hours", "1 hour",
    /// "less than a minute" (negative counts as zero).
    pub fn duration(&self, seconds: i64) -> String {
        if seconds < 60 {
            return self.text(Msg::DurationUnderAMinute);
        }
        let days = seconds / 86_400;
        let hours = seconds % 86_400 / 3600;
        let minutes = seconds % 3600 / 60;
        let unit = |n: i64, msg: Msg| self.count(msg, n.unsigned_abs(), &[]);
        let (first, second) = if days > 0 {
            (
                unit(days, Msg::DurationDays),
                (hours > 0).then(|| unit(hours, Msg::DurationHours)),
            )
        } else if hours > 0 {
            (
                unit(hours, Msg::DurationHours),
                (minutes > 0).then(|| unit(minutes, Msg::DurationMinutes)),
            )
        } else {
            (unit(minutes, Msg::DurationMinutes), None)
        };
        match second {
            Some(second) => self.with(Msg::DurationPair, &[("first", &first), ("second", &second)]),
            None => first,
        }
    }

    /// Replaces each `{name}` with its value: the platform's names, then `args`. A
    /// placeholder with no value is left as written (the tests rule that out).
    fn fill(&self, template: &str, args: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let (head, tail) = rest.split_at(open);
            out.push_str(head);
            let name_end = tail
                .char_indices()
                .skip(1)
                .find(|(_, c)| !(c.is_ascii_lowercase() || *c == '_'))
                .filter(|(_, c)| *c == '}')
                .map(|(i, _)| i);
            let value = name_end.and_then(|end| {
                let name = tail.get(1..end)?;
                match name {
                    "platform" => Some(self.platform.as_str()),
                    "platform_short" => Some(self.platform_short.as_str()),
                    _ => args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v),
                }
            });
            match (value, name_end) {
                (Some(value), Some(end)) => {
                    out.push_str(value);
                    rest = tail.get(end + 1..).unwrap_or("");
                }
                _ => {
                    out.push('{');
                    rest = tail.get(1..).unwrap_or("");
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The short form of a platform's name: its first word ("Kestrel Learning" → "Kestrel").
fn short_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_string()
}

/// The placeholders in a template, e.g. `["deadline"]` for "… until {deadline} …".
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open + 1..).unwrap_or("");
        match tail.find('}') {
            Some(close)
                if close > 0
                    && tail.get(..close).is_some_and(|n| {
                        n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    }) =>
            {
                if let Some(name) = tail.get(..close) {
                    found.push(name);
                }
                rest = tail.get(close + 1..).unwrap_or("");
            }
            _ => rest = tail,
        }
    }
    found
}

#[cfg(test)]
mod tests;

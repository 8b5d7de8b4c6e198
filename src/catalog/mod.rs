//! Every piece of text a learner reads, in one place: keys ([`Msg`]), one table of values
//! per language (English, Spanish, Arabic: [`Lang`]), and interpolation of named values,
//! plural forms, dates and the platform's names and own words from the bundle.
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
//! * A key that takes `n` is a plural: its value is [`Text::Plural`] (two forms: English,
//!   Spanish) or [`Text::Plurals`] (CLDR's six: Arabic), and each language picks the form
//!   for `n` with its own rule ([`Lang::plural`]).
//! * A language is a module (`en/`, `es/`, `ar/`) with one table `&[(Msg, Text)]` per
//!   area of the UI ([`Area`]: refund, documents, consent, acceptance, words). The tests
//!   check every language like English: every key present once, in the same area and
//!   order, plurals exactly where `n` is, no placeholder the key does not declare,
//!   nothing left in English. A key a table lacks at run time shows in English.
//! * The language is chosen per element ([`Lang::negotiate`], from the platform edge's
//!   candidates: the element's `lang`, the page's, `navigator.languages`); the catalog
//!   keeps the learner's locale (`es-MX`) for dates.
//! * A bundle can give its own value for any key, per language (`platform.strings`:
//!   [`PartnerStrings`]), used before the table's.
//! * Times reach the catalog already formatted (the browser's local time, the reason's
//!   UTC instants); calendar dates in words are [`Catalog::date`].
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
//! # Which build carries which areas
//!
//! The tables are data the lookup reaches ([`Lang::tables`]), so the linker cannot tell
//! which of them a build's elements use: a build carries the areas its code puts in
//! the tables, and no more.
//!
//! * The full build (`terms-widget`, the crate's default `full` feature) carries every
//!   area: the documents view, the refund calculator and the acceptance elements use
//!   theirs, and it also shows the consent elements.
//! * The documents build (`terms-documents`: `<terms-widget>` alone, built with the
//!   `documents` feature and without `full`) carries [`Area::in_documents_build`]: the
//!   `documents` and `refund` areas and the shared `words`. The consent and acceptance
//!   areas are not shown there.
//! * The consent-only build (`terms-consent`, built without `full`: index.html's Trunk
//!   link has `data-cargo-no-default-features`) carries only the consent elements'
//!   areas, [`Area::in_consent_build`]: `consent` and the shared `words` (the consent
//!   history, the storage notices, dates, lists such as "a, b and c"). The refund, documents and acceptance
//!   areas, in every language, are most of the text and none of it is shown there; the
//!   privacy policy it opens is shown by the documents build, loaded on demand.
//!
//! What stays whole in every build is the keys: [`Msg::ALL`], [`Msg::name`] and
//! [`Msg::args`], so a bundle's `platform.strings` are checked by name the same way
//! everywhere (a partner's value for a refund key is not a problem in the consent
//! build, just not shown). A key whose area a build does not carry reads as empty
//! there. Two tests (`the_consent_builds_code_uses_only_keys_in_the_areas_it_carries`
//! and its twin for the documents build, in `tests.rs`) read each build's source for
//! every key it names and fail on one outside its areas; so the refund's own words (the refund reason, `Why…`; durations,
//! `domain::refund::form::duration`) are in the refund area, not in `words`. The
//! per-language checks need every area, and run with `full` (as `cargo test` does).
//!
//! The build script (`build.rs`) compiles this module too, to check `platform.strings`
//! by name; it reads no values, so whether it sees `full` does not matter.
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
//! fetch errors, and the JS API's error messages. The refund contract stays English too:
//! `Decision::reason` and `RefundError`'s messages are what `evaluateRefund` returns.
//! The documents themselves, and the consent categories' titles and purposes, are the
//! bundle's.
//!
//! What the learner reads of those moved here (the refund reason, `Why…`, in the refund
//! area; `History…`, `StoredChoices…`, `DateLong`/`Month…` in the `words` area):
//!
//! * the refund reason under the verdict: `domain::refund::form::reason_in` words the
//!   facts the engine records (`Decision::why`); in English it equals `Decision::reason`;
//! * the consent history in words (`domain::consent::describe`, shown in the preferences);
//!   the Kantara consent receipt keeps it in English, as a machine-readable record;
//! * the consent storage notices (`platform::consent_store::StoreNotice`);
//! * dates in words ([`Catalog::date`], in place of the English `domain::time::LongDate::long`).
//!
//! Still English, and still learner-visible: a failure to record a consent decision
//! (`domain::consent::RecordError`, inside `NotRecorded`), the form's messages for errors
//! it cannot cause (`RefundError`'s, see `form_message`), the consent history's document
//! name (title-cased from its id) and the UTC fallback of `platform::localtime` where the
//! browser has no `Intl`.
/// A language module's `TABLES`: its area tables (its modules `refund`, `documents`,
/// `consent`, `acceptance` and `words`), in [`Area::ALL`]'s order, each as this build
/// carries it ([`area`]). One list for every language, so none can differ in order.
macro_rules! language_tables {
    () => {
        &[
            super::area(super::Area::Refund, refund::TABLE),
            super::area(super::Area::Documents, documents::TABLE),
            super::area(super::Area::Consent, consent::TABLE),
            super::area(super::Area::Acceptance, acceptance::TABLE),
            super::area(super::Area::Words, words::TABLE),
        ]
    };
}

mod ar;
mod en;
mod es;
mod keys;
mod partner;

use std::fmt;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};

pub use keys::Msg;
pub use partner::PartnerStrings;

/// The platform named when a bundle gives no `platform.name`: the built-in documents'
/// platform (a test checks they agree).
pub const DEFAULT_PLATFORM: &str = "Kestrel Learning";

/// A message's value in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// One form.
    Plain(&'static str),
    /// Forms chosen by the count `n` (the key declares `n`), for a language whose rule
    /// has two categories (English, Spanish).
    Plural {
        /// For counts the language's rule calls "one" (English: 1).
        one: &'static str,
        /// For every other count.
        other: &'static str,
    },
    /// Forms for every CLDR plural category, for a language whose rule uses more than
    /// two (Arabic: zero, one, two, few, many, other).
    Plurals {
        /// `n` = 0.
        zero: &'static str,
        /// `n` = 1.
        one: &'static str,
        /// `n` = 2.
        two: &'static str,
        /// Arabic: `n % 100` in 3..=10.
        few: &'static str,
        /// Arabic: `n % 100` in 11..=99.
        many: &'static str,
        /// Every other count.
        other: &'static str,
    },
}

impl Text {
    /// Every form, for checks.
    pub fn forms(self) -> Vec<&'static str> {
        match self {
            Text::Plain(s) => vec![s],
            Text::Plural { one, other } => vec![one, other],
            Text::Plurals {
                zero,
                one,
                two,
                few,
                many,
                other,
            } => vec![zero, one, two, few, many, other],
        }
    }

    /// Whether the value has forms by count.
    pub fn is_plural(self) -> bool {
        !matches!(self, Text::Plain(_))
    }

    /// The form for the category `form`: a two-form value uses `other` for everything
    /// but "one"; a plain value is the same for every count.
    fn pick(self, form: Form) -> &'static str {
        match (self, form) {
            (Text::Plain(s), _) => s,
            (Text::Plural { one, .. }, Form::One) => one,
            (Text::Plural { other, .. }, _) => other,
            (Text::Plurals { zero, .. }, Form::Zero) => zero,
            (Text::Plurals { one, .. }, Form::One) => one,
            (Text::Plurals { two, .. }, Form::Two) => two,
            (Text::Plurals { few, .. }, Form::Few) => few,
            (Text::Plurals { many, .. }, Form::Many) => many,
            (Text::Plurals { other, .. }, Form::Other) => other,
        }
    }
}

/// A plural category (CLDR's names), as a language's rule picks it for a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Arabic: 0.
    Zero,
    /// Singular-like (English, Spanish and Arabic: 1).
    One,
    /// Arabic: 2.
    Two,
    /// Arabic: 3–10 (by the last two digits).
    Few,
    /// Arabic: 11–99 (by the last two digits).
    Many,
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

/// An area of the UI: each language gives one table of values per area (`en/refund.rs`,
/// …), and a build carries the areas its elements use (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// The refund calculator and its answer, with the refund reason (`Why…`) and
    /// durations.
    Refund,
    /// The documents view.
    Documents,
    /// `<terms-consent>` and `<terms-privacy-choices>`.
    Consent,
    /// The acceptance elements (sign-up, course page) and their records.
    Acceptance,
    /// Words several areas share: the consent history, the consent storage notices,
    /// dates in words, lists ("a, b and c").
    Words,
}

impl Area {
    /// Every area, in the order of each language's tables.
    pub const ALL: [Area; 5] = [
        Area::Refund,
        Area::Documents,
        Area::Consent,
        Area::Acceptance,
        Area::Words,
    ];

    /// Whether the consent-only build (the crate without its `full` feature) carries the
    /// area: the consent elements' words and the shared ones. The one statement of what
    /// that build carries: the tables follow it ([`Area::carried`]), and a test checks
    /// every key the consent elements' code names against it.
    pub const fn in_consent_build(self) -> bool {
        matches!(self, Area::Consent | Area::Words)
    }

    /// Whether the documents build (the crate with its `documents` feature and without
    /// `full`: `<terms-widget>` alone) carries the area: the documents view's words, the
    /// refund calculator's and the shared ones. A test checks every key the documents
    /// view's code names against it.
    pub const fn in_documents_build(self) -> bool {
        matches!(self, Area::Documents | Area::Refund | Area::Words)
    }

    /// Whether this build carries the area: every area with the `full` feature, the
    /// documents build's with `documents` alone ([`Area::in_documents_build`]), else the
    /// consent build's ([`Area::in_consent_build`]).
    pub const fn carried(self) -> bool {
        if cfg!(feature = "full") {
            true
        } else if cfg!(feature = "documents") {
            self.in_documents_build()
        } else {
            self.in_consent_build()
        }
    }
}

/// A language's table for `area` as this build carries it: the table, or nothing for an
/// area the build leaves out. The tables are constants, so this runs at compile time
/// and a table left out is not in the binary at all (nothing refers to it).
const fn area(area: Area, table: &'static [(Msg, Text)]) -> (Area, &'static [(Msg, Text)]) {
    if area.carried() {
        (area, table)
    } else {
        (area, &[])
    }
}

/// A language the catalog has a table for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English: complete, and the fallback for any key another table lacks.
    En,
    /// Spanish (español): complete.
    Es,
    /// Arabic (العربية), written right to left: complete, kept to test the widget's
    /// right-to-left layout; a native speaker should review it before a platform relies
    /// on it.
    Ar,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Ar];

    /// The BCP 47 tag, e.g. `"en"`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, e.g. "Español".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag (`es-MX` is Spanish), if the
    /// catalog has it.
    ///
    /// ```
    /// use terms_widget::catalog::Lang;
    /// assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
    /// assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("fr"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.tag()))
    }

    /// The language of a locale an element already picked ([`Lang::negotiate`]'s tag, or
    /// none): English when there is none or the catalog lacks it.
    ///
    /// ```
    /// use terms_widget::catalog::Lang;
    /// assert_eq!(Lang::of_locale(Some("es-MX")), Lang::Es);
    /// assert_eq!(Lang::of_locale(None), Lang::En);
    /// ```
    pub fn of_locale(locale: Option<&str>) -> Lang {
        locale.and_then(Lang::from_tag).unwrap_or(Lang::En)
    }

    /// The language to show, from the learner's candidates in order of preference (the
    /// element's `lang`, then the page's, then `navigator.languages`): the first one the
    /// catalog has, with the candidate's own tag (kept for dates in that locale), else
    /// English.
    ///
    /// ```
    /// use terms_widget::catalog::Lang;
    /// assert_eq!(Lang::negotiate(["fr-FR", "es-MX", "en"]), (Lang::Es, "es-MX".to_string()));
    /// assert_eq!(Lang::negotiate(["de"]), (Lang::En, "en".to_string()));
    /// ```
    pub fn negotiate<'a>(candidates: impl IntoIterator<Item = &'a str>) -> (Lang, String) {
        candidates
            .into_iter()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .find_map(|tag| Lang::from_tag(tag).map(|l| (l, tag.replace('_', "-"))))
            .unwrap_or((Lang::En, "en".to_string()))
    }

    /// The language's tables of values, one per area of the UI, in [`Area::ALL`]'s
    /// order; an area this build does not carry ([`Area::carried`]) is empty.
    pub fn tables(self) -> &'static [(Area, &'static [(Msg, Text)])] {
        match self {
            Lang::En => en::TABLES,
            Lang::Es => es::TABLES,
            Lang::Ar => ar::TABLES,
        }
    }

    /// Every `(key, value)` the language gives.
    pub fn entries(self) -> impl Iterator<Item = &'static (Msg, Text)> {
        self.tables().iter().flat_map(|(_, t)| t.iter())
    }

    /// The plural category the language uses for `n` (CLDR's rules for integers).
    ///
    /// ```
    /// use terms_widget::catalog::{Form, Lang};
    /// assert_eq!(Lang::Es.plural(1), Form::One);
    /// assert_eq!(Lang::Ar.plural(2), Form::Two);
    /// assert_eq!(Lang::Ar.plural(105), Form::Few);
    /// ```
    pub fn plural(self, n: u64) -> Form {
        match self {
            Lang::En | Lang::Es => en::plural(n),
            Lang::Ar => match (n, n % 100) {
                (0, _) => Form::Zero,
                (1, _) => Form::One,
                (2, _) => Form::Two,
                (_, 3..=10) => Form::Few,
                (_, 11..=99) => Form::Many,
                _ => Form::Other,
            },
        }
    }
}

/// Writes a calendar date in words for a locale (the browser's `Intl`, given by the
/// platform edge: see [`Catalog::with_date_words`]).
pub type DateWords = Rc<dyn Fn(NaiveDate) -> String>;

/// The text of one language with the platform's names filled in.
#[derive(Clone)]
pub struct Catalog {
    lang: Lang,
    /// The learner's tag this language was chosen by (`es-MX`), for dates and numbers in
    /// their locale; the language's own tag when none was given.
    locale: String,
    /// Indexed by `msg as usize`; `None` falls back to English.
    values: Vec<Option<Text>>,
    platform: String,
    platform_short: String,
    /// The bundle's own values for this language (`platform.strings`), before the table's.
    partner: Vec<(Msg, partner::Owned)>,
    /// Dates in words for this locale from the platform (`Intl`); `None`: the catalog's.
    dates: Option<DateWords>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.locale == other.locale
            && self.platform == other.platform
            && self.platform_short == other.platform_short
            && self.partner == other.partner
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
fn index(lang: Lang) -> Vec<Option<Text>> {
    let mut values = vec![None; Msg::ALL.len()];
    for (msg, text) in lang.entries() {
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
            values: index(lang),
            locale: lang.tag().to_string(),
            platform: DEFAULT_PLATFORM.to_string(),
            platform_short: short_name(DEFAULT_PLATFORM),
            partner: Vec::new(),
            dates: None,
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

    /// The same catalog with the platform's short name set (the bundle's
    /// `platform.short_name`; by default the name's first word). Empty keeps it.
    pub fn with_short_name(mut self, short: &str) -> Catalog {
        let short = short.trim();
        if !short.is_empty() {
            self.platform_short = short.to_string();
        }
        self
    }

    /// The same catalog using the bundle's own values (`platform.strings`) for this
    /// language where it gives them (see [`PartnerStrings`]).
    pub fn with_partner_strings(mut self, strings: &PartnerStrings) -> Catalog {
        self.partner = strings.for_lang(&self.locale);
        self
    }

    /// The same catalog writing dates with `words` (the platform gives `Intl`'s long
    /// date for the catalog's locale).
    pub fn with_date_words(mut self, words: DateWords) -> Catalog {
        self.dates = Some(words);
        self
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The catalog of the language [`Lang::negotiate`] picks from the learner's
    /// candidates, keeping the candidate's tag as the locale.
    ///
    /// ```
    /// use terms_widget::catalog::{Catalog, Lang, Msg};
    /// let cat = Catalog::negotiated(["es-MX"]);
    /// assert_eq!((cat.lang(), cat.locale()), (Lang::Es, "es-MX"));
    /// ```
    pub fn negotiated<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Catalog {
        let (lang, locale) = Lang::negotiate(candidates);
        Catalog {
            locale,
            ..Catalog::new(lang)
        }
    }

    /// The locale for dates and numbers: the learner's tag the language was chosen by
    /// (`es-MX`), or the language's tag.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Whether text in `tag`'s language (a BCP 47 tag: a document's `lang`) is in this
    /// catalog's language, by the primary subtag.
    ///
    /// ```
    /// use terms_widget::catalog::Catalog;
    /// let es = Catalog::negotiated(["es-MX"]);
    /// assert!(es.speaks("es") && es.speaks("ES-419") && !es.speaks("en"));
    /// ```
    pub fn speaks(&self, tag: &str) -> bool {
        Lang::from_tag(tag) == Some(self.lang)
    }

    /// The direction of this language's text, `"ltr"` or `"rtl"`.
    pub fn dir(&self) -> &'static str {
        direction(self.lang.tag())
    }

    /// The platform's name, e.g. "Kestrel Learning".
    pub fn platform(&self) -> &str {
        &self.platform
    }

    /// The value of `msg` in this language, or in English when the table lacks it.
    fn value(&self, msg: Msg) -> Text {
        let own = self.values.get(msg as usize).copied().flatten();
        own.or_else(|| Lang::En.entries().find(|(m, _)| *m == msg).map(|(_, t)| *t))
            .unwrap_or(Text::Plain(""))
    }

    /// The template of `msg` for the plural category `form`: the bundle's own value, else
    /// this language's, else English's.
    fn template(&self, msg: Msg, form: Form) -> &str {
        match self.partner.iter().find(|(m, _)| *m == msg) {
            Some((_, own)) => own.pick(form),
            None => self.value(msg).pick(form),
        }
    }

    /// `msg` with only the platform's names filled in.
    pub fn text(&self, msg: Msg) -> String {
        self.with(msg, &[])
    }

    /// `msg` with its named values filled in (plurals use their `other` form).
    pub fn with(&self, msg: Msg, args: &[(&str, &str)]) -> String {
        let template = self.template(msg, Form::Other);
        self.fill(template, args)
    }

    /// The plural `msg` for the count `n` (also available as `{n}`), with its other
    /// named values filled in.
    pub fn count(&self, msg: Msg, n: u64, args: &[(&str, &str)]) -> String {
        let template = self.template(msg, self.lang.plural(n));
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

    /// A calendar date in words, in this language: "1 September 2026" (English, as
    /// `domain::time::LongDate::long` writes it, whatever the locale), "1 de septiembre
    /// de 2026". In another language than English, the date words the platform gives
    /// ([`with_date_words`](Self::with_date_words): `Intl`'s long date for the locale)
    /// come first; the catalog's own words (`DateLong`, the months) are the fallback.
    ///
    /// ```
    /// use terms_widget::catalog::{Catalog, Lang};
    /// use terms_widget::domain::time::{LongDate, parse_date};
    /// let date = parse_date("2026-09-01").unwrap();
    /// assert_eq!(Catalog::en().date(date), date.long());
    /// assert_eq!(Catalog::new(Lang::Es).date(date), "1 de septiembre de 2026");
    /// let es = Catalog::new(Lang::Es).with_date_words(std::rc::Rc::new(|d| format!("el {d}")));
    /// assert_eq!(es.date(date), "el 2026-09-01");
    /// ```
    pub fn date(&self, date: NaiveDate) -> String {
        if let Some(words) = self.dates.as_ref().filter(|_| self.lang != Lang::En) {
            return words(date);
        }
        self.catalog_date(date)
    }

    /// [`date`](Self::date) from the catalog's own words, without `Intl`.
    fn catalog_date(&self, date: NaiveDate) -> String {
        const MONTHS: [Msg; 12] = [
            Msg::MonthJanuary,
            Msg::MonthFebruary,
            Msg::MonthMarch,
            Msg::MonthApril,
            Msg::MonthMay,
            Msg::MonthJune,
            Msg::MonthJuly,
            Msg::MonthAugust,
            Msg::MonthSeptember,
            Msg::MonthOctober,
            Msg::MonthNovember,
            Msg::MonthDecember,
        ];
        let month = usize::try_from(date.month0())
            .ok()
            .and_then(|i| MONTHS.get(i))
            .map_or_else(|| "?".to_string(), |m| self.text(*m));
        self.with(
            Msg::DateLong,
            &[
                ("day", &date.day().to_string()),
                ("month", &month),
                ("year", &date.year().to_string()),
            ],
        )
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

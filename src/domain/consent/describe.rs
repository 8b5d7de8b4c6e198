//! The history in plain words: [`describe`] and [`describe_record`], in the catalog's
//! language (the consent receipt keeps English: see [`super::receipt`]).

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::{CategorySet, Choice, ConsentHistory, ConsentRecord, Method, Signals};
use crate::catalog::{Catalog, Msg};
use crate::domain::time::{self, format_instant};

/// Titles for category ids: the current title, or the id for one no longer in the set.
fn title_of(categories: &CategorySet, id: &str) -> String {
    categories
        .get(id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

/// A document id in title case: `privacy-policy` → "Privacy Policy".
fn document_title(id: &str) -> String {
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "On 2026-11-24 at 10:00 UTC".
fn when_words(cat: &Catalog, at: DateTime<Utc>) -> String {
    if time::is_writable(at) {
        let date = format!("{:04}-{:02}-{:02}", at.year(), at.month(), at.day());
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        cat.with(Msg::HistoryOn, &[("date", &date), ("time", &time)])
    } else {
        cat.with(Msg::HistoryAt, &[("instant", &format_instant(at))])
    }
}

/// "Global Privacy Control and Do Not Track": the signals' names, as a list.
fn signal_names(cat: &Catalog, signals: Signals) -> String {
    let mut names = Vec::new();
    if signals.gpc {
        names.push(cat.text(Msg::SignalGpc));
    }
    if signals.dnt {
        names.push(cat.text(Msg::SignalDnt));
    }
    cat.list(&names)
}

/// How the learner decided: "from the banner".
fn method_words(cat: &Catalog, method: Method) -> String {
    cat.text(match method {
        Method::Banner => Msg::HistoryFromBanner,
        Method::Preferences => Msg::HistoryInPreferences,
        Method::BrowserSignal => Msg::HistoryThroughSignal,
        Method::Api => Msg::HistoryThroughPlatform,
    })
}

/// The learner's optional choices in a record, as titles: (allowed, refused), in display
/// order, then categories no longer in the set by id.
fn choice_titles(record: &ConsentRecord, categories: &CategorySet) -> (Vec<String>, Vec<String>) {
    let mut ids: Vec<&String> = categories
        .categories()
        .iter()
        .map(|c| &c.id)
        .filter(|id| record.choices.contains_key(*id))
        .collect();
    ids.extend(
        record
            .choices
            .keys()
            .filter(|id| categories.get(id).is_none()),
    );
    let mut allowed = Vec::new();
    let mut refused = Vec::new();
    for id in ids {
        match record.learner_choice(id) {
            Some(Choice::Granted) => allowed.push(title_of(categories, id)),
            Some(Choice::Denied) => refused.push(title_of(categories, id)),
            None => {}
        }
    }
    (allowed, refused)
}

/// One record in one plain sentence, e.g. "On 2026-11-24 at 10:00 UTC you allowed
/// Analytics and refused Marketing, from the banner, under Privacy Policy version 3."
/// Lists join as the catalog's language joins them (English: the serial comma, as the
/// Privacy Policy writes lists, which keeps titles that contain "and" readable).
pub fn describe_record(cat: &Catalog, record: &ConsentRecord, categories: &CategorySet) -> String {
    describe_record_titled(cat, record, categories, None)
}

/// [`describe_record`] naming the policy document `title` (as the learner reads it), or
/// by its id when `None`.
pub fn describe_record_titled(
    cat: &Catalog,
    record: &ConsentRecord,
    categories: &CategorySet,
    title: Option<&str>,
) -> String {
    let when = when_words(cat, record.at);
    let title = title.map_or_else(|| document_title(&record.policy.document), str::to_owned);
    let policy = cat.with(
        Msg::HistoryUnder,
        &[("document", &title), ("version", &record.policy.version)],
    );
    let (allowed, refused) = choice_titles(record, categories);
    if record.method == Method::BrowserSignal {
        let mut parts = Vec::new();
        if !refused.is_empty() {
            let n = u64::try_from(refused.len()).unwrap_or(u64::MAX);
            parts.push(cat.count(Msg::HistoryWereRefused, n, &[("list", &cat.list(&refused))]));
        }
        if !allowed.is_empty() {
            parts.push(cat.with(Msg::HistoryStayedAllowed, &[("list", &cat.list(&allowed))]));
        }
        if parts.is_empty() {
            parts.push(cat.text(Msg::HistoryNothingLeft));
        }
        let source = if record.signals.any() {
            cat.with(
                Msg::HistorySignalSource,
                &[("signals", &signal_names(cat, record.signals))],
            )
        } else {
            cat.text(Msg::HistorySignalSourceUnnamed)
        };
        return cat.with(
            Msg::HistorySignal,
            &[
                ("when", &when),
                ("source", &source),
                ("what", &cat.list(&parts)),
                ("policy", &policy),
            ],
        );
    }
    let (allowed, refused) = (cat.list(&allowed), cat.list(&refused));
    let what = match (allowed.is_empty(), refused.is_empty()) {
        (false, false) => cat.with(
            Msg::HistoryAllowedAndRefused,
            &[("allowed", &allowed), ("refused", &refused)],
        ),
        (false, true) => cat.with(Msg::HistoryAllowed, &[("allowed", &allowed)]),
        (true, false) => cat.with(Msg::HistoryRefused, &[("refused", &refused)]),
        (true, true) => cat.text(Msg::HistoryAcknowledged),
    };
    let signal = if record.signals.any() {
        cat.with(
            Msg::HistoryWhileSending,
            &[("signals", &signal_names(cat, record.signals))],
        )
    } else {
        String::new()
    };
    cat.with(
        Msg::HistoryChoice,
        &[
            ("when", &when),
            ("what", &what),
            ("method", &method_words(cat, record.method)),
            ("signal", &signal),
            ("policy", &policy),
        ],
    )
}

/// The whole history in plain words, one sentence per record, oldest first.
pub fn describe(cat: &Catalog, history: &ConsentHistory, categories: &CategorySet) -> Vec<String> {
    describe_titled(cat, history, categories, None)
}

/// [`describe`] naming the policy document `title` (its title in the learner's
/// language; the history's records are all bound to the one policy document), or by its
/// id when `None`.
pub fn describe_titled(
    cat: &Catalog,
    history: &ConsentHistory,
    categories: &CategorySet,
    title: Option<&str>,
) -> Vec<String> {
    history
        .ordered()
        .into_iter()
        .map(|r| describe_record_titled(cat, r, categories, title))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::consent::test_support::*;
    use crate::domain::consent::*;
    use Choice::{Denied, Granted};

    #[test]
    fn describe_says_what_happened_in_plain_words() {
        let cats = small_set();
        let mut more = cats.categories().to_vec();
        more.push(Category {
            id: "surveys".into(),
            title: "Surveys".into(),
            purposes: vec!["Asks you about your course.".into()],
            storage: vec![],
            required: false,
            receipt: ReceiptTerms::default(),
        });
        let more = CategorySet::new(more).unwrap();
        let p = policy("3");
        let pv = PolicyVersion::new(p.clone(), [("3", false)]);
        let mut h = ConsentHistory::default();
        h.record(
            &cats,
            &p,
            ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
            Method::Banner,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        h.honour_signals(&cats, &pv, ctx(2, "2026-11-24T10:05:00Z", GPC))
            .unwrap();
        h.record(
            &cats,
            &p,
            ctx(3, "2026-11-24T10:07:30Z", GPC),
            Method::Preferences,
            [("analytics", Granted), ("marketing", Denied)],
        )
        .unwrap();
        // A new category arrives; the knowing opt-in is kept.
        h.honour_signals(&more, &pv, ctx(4, "2026-11-24T10:08:00Z", GPC))
            .unwrap();
        // Do Not Track appears as well: the opt-in was not made under it.
        h.honour_signals(&more, &pv, ctx(5, "2026-11-24T10:08:10Z", BOTH))
            .unwrap();
        h.withdraw_all(
            &more,
            &p,
            ctx(6, "2026-11-24T10:09:00Z", Signals::NONE),
            Method::Api,
        )
        .unwrap();
        assert_eq!(
            describe(&Catalog::en(), &h, &more),
            [
                "On 2026-11-24 at 10:00 UTC you allowed Analytics and refused Marketing, from the banner, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:05 UTC, following the Global Privacy Control signal from your browser, Analytics and Marketing were refused, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:07 UTC you allowed Analytics and refused Marketing, in Privacy choices, while your browser was sending Global Privacy Control, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:08 UTC, following the Global Privacy Control signal from your browser, Marketing and Surveys were refused and Analytics stayed allowed as you had chosen, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:08 UTC, following the Global Privacy Control and Do Not Track signal from your browser, Analytics, Marketing, and Surveys were refused, under Privacy Policy version 3.",
                "On 2026-11-24 at 10:09 UTC you refused Analytics, Marketing, and Surveys, through the platform, under Privacy Policy version 3.",
            ]
        );

        // A category no longer offered is named by its id; odd times never panic.
        let mut odd = h.records[0].clone();
        odd.choices.insert("surveys".into(), Granted);
        odd.at = DateTime::<Utc>::MAX_UTC;
        assert_eq!(
            describe_record(&Catalog::en(), &odd, &cats),
            format!(
                "At @{} you allowed Analytics and surveys and refused Marketing, from the banner, under Privacy Policy version 3.",
                DateTime::<Utc>::MAX_UTC.timestamp()
            )
        );
        let mut flagless = h.records[1].clone();
        flagless.signals = Signals::NONE;
        assert_eq!(
            describe_record(&Catalog::en(), &flagless, &cats),
            "On 2026-11-24 at 10:05 UTC, following your browser's privacy signal, Analytics and Marketing were refused, under Privacy Policy version 3."
        );
        let only_required = CategorySet::new(vec![cat(&cats, "necessary").clone()]).unwrap();
        let mut h2 = ConsentHistory::default();
        let r = h2
            .record(
                &only_required,
                &p,
                ctx(1, "2026-11-24T10:00:00Z", Signals::NONE),
                Method::Banner,
                Vec::<(String, Choice)>::new(),
            )
            .unwrap();
        assert!(
            describe_record(&Catalog::en(), r, &only_required)
                .contains("nothing optional to choose")
        );
    }
}

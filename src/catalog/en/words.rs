//! English: words several areas share and that used to be written outside the catalog:
//! the consent history in words, the consent storage notices and dates in words. (The
//! refund reason is the refund area's: the consent-only build carries this area, not
//! that one.)

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The consent history, one sentence per record.
    (HistoryOn, Plain("On {date} at {time} UTC")),
    (HistoryAt, Plain("At {instant}")),
    (HistoryUnder, Plain("under {document} version {version}")),
    (
        HistoryChoice,
        Plain("{when} you {what}, {method}{signal}, {policy}."),
    ),
    (
        HistoryAllowedAndRefused,
        Plain("allowed {allowed} and refused {refused}"),
    ),
    (HistoryAllowed, Plain("allowed {allowed}")),
    (HistoryRefused, Plain("refused {refused}")),
    (
        HistoryAcknowledged,
        Plain("acknowledged the privacy notice, with nothing optional to choose"),
    ),
    (HistoryFromBanner, Plain("from the banner")),
    (HistoryInPreferences, Plain("in Privacy choices")),
    (
        HistoryThroughSignal,
        Plain("through your browser's privacy signal"),
    ),
    (HistoryThroughPlatform, Plain("through the platform")),
    (
        HistoryWhileSending,
        Plain(", while your browser was sending {signals}"),
    ),
    (
        HistorySignal,
        Plain("{when}, following {source}, {what}, {policy}."),
    ),
    (
        HistorySignalSource,
        Plain("the {signals} signal from your browser"),
    ),
    (
        HistorySignalSourceUnnamed,
        Plain("your browser's privacy signal"),
    ),
    (
        HistoryWereRefused,
        Plural {
            one: "{list} was refused",
            other: "{list} were refused",
        },
    ),
    (
        HistoryStayedAllowed,
        Plain("{list} stayed allowed as you had chosen"),
    ),
    (
        HistoryNothingLeft,
        Plain("nothing optional was left to decide"),
    ),
    // Where the learner's privacy choices are stored.
    (
        StoredChoicesUnreadable,
        Plain(
            "Your saved privacy choices could not be read, so we kept a copy and are asking \
             again.",
        ),
    ),
    (
        StoredChoicesMemoryOnly,
        Plain(
            "Your choices apply to this visit only: this browser is not letting the site store \
             them.",
        ),
    ),
    (
        StoredChoicesUnreadableMemoryOnly,
        Plain(
            "Your saved privacy choices could not be read, so we kept a copy and are asking \
             again. Your choices apply to this visit only: this browser is not letting the \
             site store them.",
        ),
    ),
    // Dates in words.
    (DateLong, Plain("{day} {month} {year}")),
    (MonthJanuary, Plain("January")),
    (MonthFebruary, Plain("February")),
    (MonthMarch, Plain("March")),
    (MonthApril, Plain("April")),
    (MonthMay, Plain("May")),
    (MonthJune, Plain("June")),
    (MonthJuly, Plain("July")),
    (MonthAugust, Plain("August")),
    (MonthSeptember, Plain("September")),
    (MonthOctober, Plain("October")),
    (MonthNovember, Plain("November")),
    (MonthDecember, Plain("December")),
    // Lists ("a, b and c"): the consent history and the documents view.
    (ListTwo, Plain("{a} and {b}")),
    (ListMany, Plain("{init}, and {last}")),
    (ListSeparator, Plain(", ")),
];

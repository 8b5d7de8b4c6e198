//! English: consent: the banner, the preferences, the history and receipts.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // Consent.
    (SignalGpc, Plain("Global Privacy Control")),
    (SignalDnt, Plain("Do Not Track")),
    (
        SignalNamed,
        Plain(
            "Your browser asked sites not to track you ({name}), so the optional kinds are \
             off. You can still turn them on {place}",
        ),
    ),
    (
        SignalUnnamed,
        Plain(
            "Your browser asked sites not to track you, so the optional kinds are off. You can \
             still turn them on {place}",
        ),
    ),
    (SignalPlaceBanner, Plain("in Choose…")),
    (SignalPlaceDialog, Plain("below.")),
    (
        ReasonPolicyChanged,
        Plain("Our Privacy Policy changed (version {from} → {to})"),
    ),
    (
        ReasonPolicyText,
        Plain(
            "The wording of our Privacy Policy (version {version}) changed since you agreed to it",
        ),
    ),
    (
        ReasonPolicyUnknown,
        Plain(
            "You agreed to version {version} of our Privacy Policy, which we can no longer \
             compare with the current one",
        ),
    ),
    (
        ReasonDifferentDocument,
        Plain("You agreed to “{from}”, and “{to}” applies now"),
    ),
    (
        ReasonNewCategories,
        Plural {
            one: "There is a new kind of processing to decide on: {titles}",
            other: "There are new kinds of processing to decide on: {titles}",
        },
    ),
    (ReadPrivacyPolicy, Plain("Read our Privacy Policy")),
    (
        RecordedWith,
        Plain("Your choice is recorded with {policy}."),
    ),
    (PolicyLabel, Plain("{title}, version {version}")),
    (PrivacyPolicy, Plain("Privacy Policy")),
    (
        NothingOptional,
        Plain("There is nothing optional to choose."),
    ),
    (
        OptionalAsk,
        Plural {
            one: "With your permission, we’d also like to use an optional kind of processing: \
                  {list}. It stays off unless you say yes, and you can change your mind at any \
                  time.",
            other: "With your permission, we’d also like to use some optional kinds of \
                    processing: {list}. They stay off unless you say yes, and you can change \
                    your mind at any time.",
        },
    ),
    (PrivacyChoices, Plain("Privacy choices")),
    (YourPrivacyChoices, Plain("Your privacy choices")),
    (NotNowLabel, Plain("Not now: close without choosing")),
    (
        NotNowTitle,
        Plain("Close without choosing (Escape). We’ll ask again next time."),
    ),
    (NotNow, Plain("Not now")),
    (AskingAgain, Plain("We’re asking again because:")),
    (
        NecessaryAlwaysOn,
        Plain("Some storage is strictly necessary for the site to work, so it is always on. "),
    ),
    (Choose, Plain("Choose…")),
    (RejectAll, Plain("Reject all")),
    (AcceptAll, Plain("Accept all")),
    (StoresNothing, Plain("Stores nothing in your browser.")),
    (
        StorageKeys,
        Plural {
            one: "Cookie or storage key: ",
            other: "Cookies and storage keys: ",
        },
    ),
    (AlwaysOn, Plain("Always on")),
    (
        AlwaysOnNote,
        Plain(
            "The site needs these to work and to remember your choices, so they can’t be \
             switched off. They are never used for advertising or tracking.",
        ),
    ),
    (Allow, Plain("Allow")),
    (DontAllow, Plain("Don’t allow")),
    (NotAnswered, Plain("Not answered yet.")),
    (
        OffBySignalNamed,
        Plain("Off because your browser sent {name} — you can allow it."),
    ),
    (
        OffBySignal,
        Plain("Off because of your browser’s privacy signal — you can allow it."),
    ),
    (Close, Plain("Close")),
    (
        PreferencesIntro,
        Plain(
            "Choose which optional kinds of processing you allow. Nothing optional is on until \
             you say yes, and you can change your mind at any time: Reject all switches \
             everything optional off again.",
        ),
    ),
    (YourHistory, Plain("Your history")),
    (NothingSaved, Plain("Nothing saved yet.")),
    (DownloadReceipt, Plain("Download a receipt (JSON)")),
    (
        ReceiptLater,
        Plain("There is a receipt to download once you have saved a choice."),
    ),
    (SaveChoices, Plain("Save my choices")),
    (
        SaveHint,
        Plain("Answer each kind to save, or use Accept all / Reject all."),
    ),
    (
        NotRecorded,
        Plain("Your choice could not be recorded: {error}"),
    ),
    (BackToChoices, Plain("← Back to your privacy choices")),
    (PolicyLoading, Plain("Loading the privacy policy…")),
    (
        PolicyLoadFailed,
        Plain(
            "The privacy policy could not be loaded. Check your connection, go back and open it again.",
        ),
    ),
];

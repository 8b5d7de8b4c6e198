//! English: the documents view.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The documents view.
    (PageTitle, Plain("{title} · {platform}")),
    (Loading, Plain("Loading documents…")),
    (LoadFailed, Plain("The documents could not be loaded")),
    (NoDocuments, Plain("There are no documents to show.")),
    (
        OlderVersion,
        Plain("You are reading an earlier version. It was in effect from {from}. {link}"),
    ),
    (
        OlderVersionUntil,
        Plain(
            "You are reading an earlier version. It was in effect from {from} to {until}. \
             {link}",
        ),
    ),
    (ReadCurrentVersion, Plain("Read the current version")),
    (VersionLabel, Plain("Version {version}")),
    (InEffectSince, Plain("In effect since {date}")),
    (EffectiveOn, Plain("Effective {date}")),
    (CurrentBadge, Plain("Current")),
    (
        WhatChangedInVersion,
        Plain("What changed in version {version}"),
    ),
    (BackToVerdict, Plain("← Back to your refund answer")),
    (SkipToDocument, Plain("Skip to the document")),
    (BrandSubtitle, Plain("Terms and policies")),
    (Dismiss, Plain("Dismiss")),
    (ToolsLabel, Plain("Tools")),
    (
        NoRefundPolicy,
        Plain("These documents have no Refund Policy, so there is no refund calculator here."),
    ),
    (
        NoSuchDocument,
        Plain("There is no document called \"{id}\" here. Pick one from the list."),
    ),
    (
        NoSuchVersion,
        Plain("{title} has no version \"{version}\". Showing the current version instead."),
    ),
    (
        NoSuchSection,
        Plain("{title} has no section \"{section}\". Showing the top of the document instead."),
    ),
    (
        NothingEarlier,
        Plain(
            "Version {version} is the first version of {title}: there is nothing earlier to \
             compare it with.",
        ),
    ),
    (DocumentsLabel, Plain("Documents")),
    (OnThisPage, Plain("On this page")),
    (ScopedLandmark, Plain("{name}: {scope}")),
    (SearchLabel, Plain("Search the documents")),
    (SearchPlaceholder, Plain("Search")),
    (PreviousMatch, Plain("Previous match")),
    (PreviousMatchTitle, Plain("Previous match (Shift+Enter)")),
    (NextMatch, Plain("Next match")),
    (NextMatchTitle, Plain("Next match (Enter)")),
    (ClearSearch, Plain("Clear search")),
    (ClearSearchTitle, Plain("Clear (Escape)")),
    (NoMatches, Plain("No matches in this document")),
    (
        MatchCount,
        Plural {
            one: "{current} of {n} match",
            other: "{current} of {n} matches",
        },
    ),
    (AlsoIn, Plain(" · Also in: ")),
    (AlsoInItem, Plain("{title} ({count})")),
    (VersionsTitle, Plain("Versions of this document")),
    (ImportantChange, Plain("Important change")),
    (WhatChanged, Plain("What changed")),
    (ArchivedRevision, Plain("Earlier revision")),
    (ExternalSite, Plain("(external site)")),
    (ShownBadge, Plain("Shown")),
    (
        ProblemsInDocuments,
        Plural {
            one: "{n} problem in the documents: some content is not shown",
            other: "{n} problems in the documents: some content is not shown",
        },
    ),
    (RemovedStart, Plain("[removed: ")),
    (AddedStart, Plain("[added: ")),
    (ChangeEnd, Plain("]")),
    (ChangeAdded, Plain("Added")),
    (ChangeRemoved, Plain("Removed")),
    (ChangeReworded, Plain("Reworded")),
    (
        ChangesTitle,
        Plain("What changed in version {to} since version {from}"),
    ),
    (
        ChangesNone,
        Plain("The wording is the same; only formatting changed."),
    ),
    (
        ChangesCount,
        Plural {
            one: "{n} change in {sections}.",
            other: "{n} changes in {sections}.",
        },
    ),
    (
        ChangedSections,
        Plural {
            one: "{n} section",
            other: "{n} sections",
        },
    ),
    (ShowFullText, Plain("Show the full text")),
    (Introduction, Plain("Introduction")),
    (LinkToSection, Plain("Link to this section")),
    (TableLabel, Plain("Table")),
    (OpensInNewTab, Plain(" (opens in a new tab)")),
    (ImageStart, Plain("[Image: ")),
    (ImageEnd, Plain("]")),
    (
        LinkRemoved,
        Plain("Link removed: {href} is not a safe address"),
    ),
    (
        ShownInOriginalLanguage,
        Plain(
            "This document is not available in English, so it is shown in its original language.",
        ),
    ),
];

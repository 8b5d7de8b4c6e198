//! English: the widget's first language and the fallback for any key another language
//! lacks. Every value here is the text the widget showed before the catalog existed, byte
//! for byte (the component and browser tests check it).

use super::Msg::{self, *};
use super::Text::{self, Plain, Plural};

/// English plural forms: `one` for exactly 1, `other` for everything else.
pub(super) fn plural(n: u64) -> super::Form {
    if n == 1 {
        super::Form::One
    } else {
        super::Form::Other
    }
}

/// Every key's English value.
pub(super) const TABLE: &[(Msg, Text)] = &[
    // Refund form: the questions' short names.
    (FieldKind, Plain("What you bought")),
    (FieldVia, Plain("Where you paid")),
    (FieldPaidAt, Plain("Payment date")),
    (FieldPreEnrolled, Plain("Pre-enrolment")),
    (FieldLaunchAt, Plain("Launch date")),
    (FieldCertificateEarnedAt, Plain("Certificate date")),
    (FieldCustomWindowDays, Plain("Refund window")),
    (FieldFreeTrialEndsAt, Plain("End of the free trial")),
    (FieldCancelledAt, Plain("Cancellation date")),
    (FieldHonorCodeViolation, Plain("Confirmed violation")),
    // What was bought, where it was paid.
    (KindSubscriptionMonthly, Plain("Monthly subscription")),
    (
        KindPlusSubscription,
        Plain("{platform_short} Plus (annual)"),
    ),
    (KindCourse, Plain("Course")),
    (KindSpecialization, Plain("Specialization")),
    (KindGuidedProject, Plain("Guided project")),
    (KindDegree, Plain("Degree")),
    (KindUniversityCertificate, Plain("University certificate")),
    (KindOther, Plain("Other service")),
    (
        ViaDirect,
        Plain("Directly with {platform} (card or PayPal on our site)"),
    ),
    (
        ViaAppStore,
        Plain("Apple App Store (in the iPhone or iPad app)"),
    ),
    (ViaGooglePlay, Plain("Google Play (in the Android app)")),
    (
        ViaOrganization,
        Plain("Through an organization (an employer, government, campus or social-good programme)"),
    ),
    // Problems at a question.
    (MissingPaidAt, Plain("Enter the date and time you paid.")),
    (
        MissingCertificate,
        Plain("Enter when you earned the certificate, or untick the box if you haven't earned it."),
    ),
    (
        MissingCertificateSpecialization,
        Plain(
            "Enter when you earned your first Course Certificate in this Specialization, or \
             untick the box if you haven't earned it.",
        ),
    ),
    (
        MissingFreeTrialEnd,
        Plain(
            "Enter when the free trial ends (or ended), or untick the box if there was no free \
             trial.",
        ),
    ),
    (
        MissingCancelledAt,
        Plain(
            "Enter when you cancelled or asked for a refund, or untick the box if you haven't \
             yet.",
        ),
    ),
    (
        MissingLaunchAt,
        Plain("Enter the launch date, or leave it empty if none is announced."),
    ),
    (
        NoSuchDate,
        Plain("That date doesn't exist in the calendar. Check the day and the month."),
    ),
    (
        NoSuchTime,
        Plain("That time of day doesn't exist. Use hours 00 to 23 and minutes 00 to 59."),
    ),
    (
        IncompleteDateTime,
        Plain("Enter a full date and time: day, month, year, hours and minutes."),
    ),
    (
        UnreadableDateTime,
        Plain(
            "We couldn't read that date and time. Enter a date between the years 0001 and \
             9999, with hours and minutes.",
        ),
    ),
    (
        InvalidCustomWindow,
        Plain("Enter the refund window as a whole number of days, like 7."),
    ),
    (
        NegativeCustomWindow,
        Plain("The refund window can't be a negative number of days."),
    ),
    (
        CustomWindowExceedsStandard,
        Plural {
            one: "A shorter window stated at sign-up can be at most {n} day, the standard \
                  window. If no shorter window was stated, untick the box.",
            other: "A shorter window stated at sign-up can be at most {n} days, the standard \
                    window. If no shorter window was stated, untick the box.",
        },
    ),
    (
        NowBeforePayment,
        Plain("The payment date is in the future. Enter when you actually paid."),
    ),
    (
        CertificateBeforePayment,
        Plain(
            "The certificate date is before the payment date. Only the certificate earned \
             with this payment counts: check both dates.",
        ),
    ),
    (
        CertificateBeforePaymentSpecialization,
        Plain(
            "The certificate date is before the payment date. Only your first Course \
             Certificate in this Specialization earned with this payment counts: check both \
             dates.",
        ),
    ),
    (
        CertificateAfterNow,
        Plain("The certificate date is in the future. Enter it once you have earned it."),
    ),
    (
        CancelledBeforePayment,
        Plain(
            "The cancellation date is before the payment date: check both dates. If you were \
             charged after you had cancelled, that is a billing error, not a refund: contact \
             support.",
        ),
    ),
    (
        CancelledAfterNow,
        Plain(
            "The cancellation date is in the future. Enter it once you have cancelled or \
             asked for a refund.",
        ),
    ),
    // The answer.
    (
        HeadlineCancelledInTime,
        Plain("Full refund due: you cancelled in time"),
    ),
    (
        HeadlineUntil,
        Plain("Full refund available until {deadline} your time"),
    ),
    (
        HeadlineOpen,
        Plain("Full refund available: the window is still open"),
    ),
    (
        HeadlineClosed,
        Plain("No refund: the refund window has closed"),
    ),
    (HeadlineNotRefundable, Plain("Not refundable")),
    (HeadlineViolation, Plain("Not entitled to a refund")),
    (
        HeadlineStore,
        Plain("The store decides, not {platform_short}"),
    ),
    (HeadlineOrganization, Plain("Your organization decides")),
    (HeadlineUniversity, Plain("The university decides")),
    (
        PolicyLine,
        Plain("Policy version {version}, in effect since {since}"),
    ),
    (ReadTheRule, Plain("Read the rule: {section}")),
    (RuleNamed, Plain("The rule: {section}")),
    (WindowCloses, Plain("Refund window closes")),
    (WindowClosed, Plain("Refund window closed")),
    (DeadlineZone, Plain("your time ({zone})")),
    (TimeLeft, Plain("Time left")),
    (DurationLeft, Plain("{duration} left")),
    (
        DurationToSpare,
        Plain("{duration} to spare when you cancelled"),
    ),
    (JudgedAt, Plain("Judged at")),
    (
        JudgedAtCancellation,
        Plain("When you cancelled or asked: {time}"),
    ),
    (DurationUnderAMinute, Plain("less than a minute")),
    (
        DurationDays,
        Plural {
            one: "{n} day",
            other: "{n} days",
        },
    ),
    (
        DurationHours,
        Plural {
            one: "{n} hour",
            other: "{n} hours",
        },
    ),
    (
        DurationMinutes,
        Plural {
            one: "{n} minute",
            other: "{n} minutes",
        },
    ),
    (DurationPair, Plain("{first} {second}")),
    // Section titles of the default Refund Policy.
    (
        SectionWindowsMeasured,
        Plain("How refund windows are measured"),
    ),
    (SectionMonthlySubscriptions, Plain("Monthly subscriptions")),
    (SectionPlus, Plain("{platform_short} Plus")),
    (SectionCourses, Plain("Courses and specializations")),
    (SectionPreEnrolment, Plain("Pre-enrolment")),
    (SectionShorterWindows, Plain("Shorter refund windows")),
    (SectionGuidedProjects, Plain("Guided projects")),
    (SectionDegrees, Plain("Degrees and university certificates")),
    (SectionAppStores, Plain("App store purchases")),
    (
        SectionOrganizations,
        Plain("Purchases through an organization"),
    ),
    (SectionOtherServices, Plain("Other services")),
    (SectionViolations, Plain("Violations of our policies")),
    (SectionHowToAsk, Plain("How to ask for a refund")),
    (SectionFallback, Plain("Refund Policy")),
    // The timeline.
    (MarkPaid, Plain("Paid")),
    (MarkLaunch, Plain("Launch")),
    (MarkCertificate, Plain("Certificate")),
    (MarkCancelled, Plain("Cancelled")),
    (MarkDeadline, Plain("Window closes")),
    (MarkNow, Plain("Now")),
    (TimelineMoment, Plain("{mark}: {time}")),
    (TimelineMomentSeparator, Plain("; ")),
    (TimelineLabel, Plain("Timeline. {moments}.")),
    (
        TimelineCaption,
        Plain("Timeline from your payment to now. The bar is the refund window."),
    ),
    // The calculator.
    (RefundCalculator, Plain("Refund calculator")),
    (
        RefundIntro,
        Plain(
            "Answer a few questions to see whether a full refund is due and until when. Times \
             are in your time zone ({zone}). Nothing you enter leaves your browser.",
        ),
    ),
    (GroupPurchase, Plain("Your purchase")),
    (GroupAboutCourse, Plain("About the course")),
    (GroupAboutSpecialization, Plain("About the Specialization")),
    (GroupAboutSubscription, Plain("About the subscription")),
    (GroupAboutService, Plain("About the service")),
    (GroupConduct, Plain("Cancellation and conduct")),
    (AskKind, Plain("What did you buy?")),
    (AskVia, Plain("Where did you pay?")),
    (AskPaidAt, Plain("When did you pay?")),
    (
        HintPaidAtRenewal,
        Plain("For a renewal, the date of that renewal charge."),
    ),
    (
        HintPaidAtReceipt,
        Plain("The date and time on your receipt."),
    ),
    (AskZone, Plain("(your time, {zone})")),
    (
        AskPreEnrolled,
        Plain("I paid before it launched (pre-enrolment)"),
    ),
    (
        AskPreEnrolledSpecialization,
        Plain("I paid before its first course launched (pre-enrolment)"),
    ),
    (AskLaunchAt, Plain("Launch date")),
    (
        HintLaunchAt,
        Plain("Leave it empty if no launch date has been announced yet."),
    ),
    (
        AskCertificate,
        Plain("I have earned the Course Certificate since paying"),
    ),
    (
        AskCertificateSpecialization,
        Plain("I have earned a Course Certificate in one of its courses since paying"),
    ),
    (AskCertificateAt, Plain("When did you earn it?")),
    (
        AskServiceWindow,
        Plain("A refund window was stated for this service"),
    ),
    (
        AskServiceWindowDays,
        Plain("The window stated for that service (days)"),
    ),
    (
        HintServiceWindow,
        Plain("As shown when you signed up or on your receipt."),
    ),
    (
        AskShorterWindow,
        Plain("A shorter refund window was stated when I signed up"),
    ),
    (
        AskShorterWindowDays,
        Plain("Refund window stated at sign-up (days)"),
    ),
    (
        HintShorterWindow,
        Plain("Shown on the enrolment page before you paid."),
    ),
    (
        HintShorterWindowLimit,
        Plural {
            one: "Shown on the enrolment page before you paid. It can be at most {n} day.",
            other: "Shown on the enrolment page before you paid. It can be at most {n} days.",
        },
    ),
    (
        AskFreeTrial,
        Plain("This subscription started with a free trial"),
    ),
    (
        AskFreeTrialEnd,
        Plain("When does (or did) the free trial end?"),
    ),
    (
        AskCancelled,
        Plain("I have already cancelled or asked for a refund"),
    ),
    (AskCancelledAt, Plain("When did you cancel or ask?")),
    (
        HintCancelledAt,
        Plain("The answer is judged at that moment instead of now."),
    ),
    (
        AskViolation,
        Plain(
            "{platform} has confirmed a breach of the Terms of Use, the Acceptable Use Policy \
             or the Honor Code on this account",
        ),
    ),
    (
        HintViolation,
        Plain(
            "Tick this only if {platform} has told you that a breach was confirmed. Being \
             asked about something, or a report that is still being looked into, does not \
             count.",
        ),
    ),
    (
        ShiftedTime,
        Plain(
            "That time doesn't exist in your time zone on that day (the clocks changed), so it \
             is read as {time}.",
        ),
    ),
    (
        RepeatedTimeFirst,
        Plain(
            "That time happens twice on that day in your time zone, because the clocks went \
             back. It is read as the first time, {time}.",
        ),
    ),
    (
        RepeatedTimeSecond,
        Plain(
            "That time happens twice on that day in your time zone, because the clocks went \
             back. It is read as the second time, {time}.",
        ),
    ),
    (UseSecondTime, Plain("Use the second time ({time})")),
    (UseFirstTime, Plain("Use the first time ({time})")),
    (
        RefundPrompt,
        Plain(
            "Enter the date and time you paid to see whether a full refund is due, and until \
             when.",
        ),
    ),
    (
        ProblemsTitle,
        Plural {
            one: "There is one thing to check before we can answer:",
            other: "There are a few things to check before we can answer:",
        },
    ),
    (ProblemItem, Plain("{field}: {message}")),
    (CardLabel, Plain("Refund")),
    (CardFailed, Plain("The refund answer can't be shown")),
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
    // Consent.
    (ListTwo, Plain("{a} and {b}")),
    (ListMany, Plain("{init}, and {last}")),
    (ListSeparator, Plain(", ")),
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
    // Acceptance records.
    (
        AcceptedRecord,
        Plain("On {date} you accepted the {title} (version {version}) {how}."),
    ),
    (
        AcceptedRecordPledges,
        Plural {
            one: "On {date} you accepted the {title} (version {version}) {how} and affirmed its pledge.",
            other: "On {date} you accepted the {title} (version {version}) {how} and affirmed all {n} of its pledges.",
        },
    ),
    (AcceptedHowSignup, Plain("when you signed up")),
    (
        AcceptedHowSignupGuardian,
        Plain("when you signed up, with the agreement of a parent or guardian"),
    ),
    (AcceptedHowCourse, Plain("for the course {course}")),
    (AcceptedHowPlatform, Plain("on {platform}")),
    (AcceptedHowAgain, Plain("again after it changed")),
    (
        AcceptedHowAgainCourse,
        Plain("again for the course {course} after it changed"),
    ),
    (AcceptedHowApi, Plain("through {platform}")),
    (
        AcceptedHowApiCourse,
        Plain("through {platform} for the course {course}"),
    ),
    (
        AcceptedOn,
        Plain("You accepted the {title} (version {version}) on {date}"),
    ),
    (UpdatedSinceAccepted, Plain("Updated since you accepted")),
    (
        ChangedSinceAccepted,
        Plain("What changed since you accepted"),
    ),
    (
        NothingAccepted,
        Plain("You have not accepted anything yet."),
    ),
    // Acceptance: the sign-up and the course page.
    (
        AcceptanceUnreadable,
        Plain("Your saved agreements could not be read, so we kept a copy and are asking again."),
    ),
    (
        AcceptanceMemoryOnly,
        Plain(
            "Your agreements apply to this visit only: this browser is not letting the site store them.",
        ),
    ),
    (
        AcceptanceUnreadableMemoryOnly,
        Plain(
            "Your saved agreements could not be read and are kept as they are; your agreements apply to this visit only.",
        ),
    ),
    (SignupTitle, Plain("Your agreements with {platform}")),
    (BirthDateLegend, Plain("Your date of birth")),
    (BirthDateLabel, Plain("Date of birth")),
    (
        BirthDateHint,
        Plain("We use it only to check what applies to you, and we don’t keep it."),
    ),
    (Continue, Plain("Continue")),
    (BirthDateInvalid, Plain("Enter your full date of birth.")),
    (
        BirthDateNoSuchDay,
        Plain("That day does not exist: check the day and the month."),
    ),
    (
        BirthDateFuture,
        Plain("That date is in the future: enter the day you were born."),
    ),
    (
        BirthDateTooLongAgo,
        Plain("Check the year of your date of birth."),
    ),
    (ChangeBirthDate, Plain("Change your date of birth")),
    (TooYoungTitle, Plain("We can’t sign you up yet")),
    (
        TooYoungText,
        Plain(
            "Thank you for your interest in {platform}. You can’t create an account yet because of your age. We’d love to welcome you when you’re a little older.",
        ),
    ),
    (GuardianLegend, Plain("A parent or guardian")),
    (
        GuardianConfirm,
        Plain(
            "I am this learner’s parent or guardian: I have read the documents below and I agree to them on their behalf.",
        ),
    ),
    (DocumentsLegend, Plain("Read and accept")),
    (
        DocumentMeta,
        Plain("Version {version}, in effect from {date}"),
    ),
    (ReadDocument, Plain("Read the {title}")),
    (AcceptDocument, Plain("I have read and accept the {title}")),
    (
        PledgesLegend,
        Plain("The pledges of the {title}: affirm each one"),
    ),
    (SignupAccept, Plain("Accept and continue")),
    (StillNeeded, Plain("Still needed: {list}.")),
    (MissingBirthDate, Plain("your date of birth")),
    (
        MissingGuardian,
        Plain("a parent or guardian’s confirmation"),
    ),
    (MissingPledge, Plain("pledge {pledge} of the {title}")),
    (MissingDocument, Plain("the {title}")),
    (
        SignupDone,
        Plain("Thank you: your agreements are recorded."),
    ),
    (BackToSignup, Plain("← Back to the sign-up")),
    (BackToPrompt, Plain("← Back")),
    (DocumentLoading, Plain("Loading the document…")),
    (
        DocumentLoadFailed,
        Plain(
            "The document could not be loaded. Check your connection, go back and open it again.",
        ),
    ),
    (CoursePromptTitle, Plain("Before graded work")),
    (AcceptButton, Plain("Accept")),
    (AcceptAgainButton, Plain("Accept version {version}")),
    (
        MaterialChangeIntro,
        Plain(
            "The {title} has changed in a way that matters since you accepted version {version}. Please read what changed and accept it again.",
        ),
    ),
    (
        InvalidCourse,
        Plain(
            "This prompt can’t be shown: “{course}” is not a valid course id (1 to 64 characters: a–z, 0–9, -, _ and .).",
        ),
    ),
    (ReadIt, Plain("Read it")),
];

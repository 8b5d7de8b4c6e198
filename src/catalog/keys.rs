//! The keys of the catalog: one per piece of learner-facing text, each with the names of
//! the values it interpolates (besides `{platform}` and `{platform_short}`, which every
//! message may use). A key that takes `n` is a plural: each language gives its forms.

/// Declares [`Msg`], [`Msg::ALL`], [`Msg::name`] and [`Msg::args`] from one list.
macro_rules! keys {
    ($( $(#[$doc:meta])* $name:ident $( ( $($arg:ident),* ) )? ,)*) => {
        /// A piece of learner-facing text. Its value in a language comes from that
        /// language's table (see [`super::en`]); its named values from the caller.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Msg {
            $( $(#[$doc])* $name, )*
        }

        impl Msg {
            /// Every key, in declaration order (the index is `msg as usize`).
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The key's name, e.g. `"HeadlineUntil"`, for test failures.
            pub fn name(self) -> &'static str {
                match self { $( Msg::$name => stringify!($name), )* }
            }

            /// The names of the values this key interpolates, e.g. `["deadline"]`.
            /// `n` marks a plural.
            pub fn args(self) -> &'static [&'static str] {
                match self { $( Msg::$name => &[$($(stringify!($arg)),*)?], )* }
            }
        }
    };
}

keys! {
    // ---- Refund form: the questions' short names (summaries) -------------------------
    /// "What you bought".
    FieldKind,
    /// "Where you paid".
    FieldVia,
    /// "Payment date".
    FieldPaidAt,
    /// "Pre-enrolment".
    FieldPreEnrolled,
    /// "Launch date".
    FieldLaunchAt,
    /// "Certificate date".
    FieldCertificateEarnedAt,
    /// "Refund window".
    FieldCustomWindowDays,
    /// "End of the free trial".
    FieldFreeTrialEndsAt,
    /// "Cancellation date".
    FieldCancelledAt,
    /// "Confirmed violation".
    FieldHonorCodeViolation,

    // ---- Refund form: what was bought, where it was paid --------------------------------
    /// "Monthly subscription".
    KindSubscriptionMonthly,
    /// "{platform_short} Plus (annual)".
    KindPlusSubscription,
    /// "Course".
    KindCourse,
    /// "Specialization".
    KindSpecialization,
    /// "Guided project".
    KindGuidedProject,
    /// "Degree".
    KindDegree,
    /// "University certificate".
    KindUniversityCertificate,
    /// "Other service".
    KindOther,
    /// "Directly with {platform} (card or PayPal on our site)".
    ViaDirect,
    /// "Apple App Store (…)".
    ViaAppStore,
    /// "Google Play (…)".
    ViaGooglePlay,
    /// "Through an organization (…)".
    ViaOrganization,

    // ---- Refund form: problems at a question --------------------------------------------
    /// Payment date left empty.
    MissingPaidAt,
    /// Certificate box ticked without a date (a course).
    MissingCertificate,
    /// Certificate box ticked without a date (a Specialization).
    MissingCertificateSpecialization,
    /// Free-trial box ticked without a date.
    MissingFreeTrialEnd,
    /// Cancelled box ticked without a date.
    MissingCancelledAt,
    /// Launch date unreadable.
    MissingLaunchAt,
    /// A date that is not in the calendar.
    NoSuchDate,
    /// A time of day that does not exist.
    NoSuchTime,
    /// A date and time not filled in completely.
    IncompleteDateTime,
    /// A date and time out of range.
    UnreadableDateTime,
    /// The window is not a whole number.
    InvalidCustomWindow,
    /// The window is negative.
    NegativeCustomWindow,
    /// The window is longer than the standard one.
    CustomWindowExceedsStandard(n),
    /// The payment is in the future.
    NowBeforePayment,
    /// The certificate predates the payment (a course).
    CertificateBeforePayment,
    /// The certificate predates the payment (a Specialization).
    CertificateBeforePaymentSpecialization,
    /// The certificate is in the future.
    CertificateAfterNow,
    /// The cancellation predates the payment.
    CancelledBeforePayment,
    /// The cancellation is in the future.
    CancelledAfterNow,

    // ---- Refund answer -------------------------------------------------------------------
    /// "Full refund due: you cancelled in time".
    HeadlineCancelledInTime,
    /// "Full refund available until {deadline} your time".
    HeadlineUntil(deadline),
    /// "Full refund available: the window is still open".
    HeadlineOpen,
    /// "No refund: the refund window has closed".
    HeadlineClosed,
    /// "Not refundable".
    HeadlineNotRefundable,
    /// "Not entitled to a refund".
    HeadlineViolation,
    /// "The store decides, not {platform_short}".
    HeadlineStore,
    /// "Your organization decides".
    HeadlineOrganization,
    /// "The university decides".
    HeadlineUniversity,
    /// "Policy version 2, in effect since 1 September 2025".
    PolicyLine(version, since),
    /// "Read the rule: {section}".
    ReadTheRule(section),
    /// "The rule: {section}", when the Refund Policy has no section to link to.
    RuleNamed(section),
    /// "Refund window closes".
    WindowCloses,
    /// "Refund window closed".
    WindowClosed,
    /// "your time ({zone})", after the deadline.
    DeadlineZone(zone),
    /// "Time left".
    TimeLeft,
    /// "{duration} left".
    DurationLeft(duration),
    /// "{duration} to spare when you cancelled".
    DurationToSpare(duration),
    /// "Judged at".
    JudgedAt,
    /// "When you cancelled or asked: {time}".
    JudgedAtCancellation(time),
    /// "less than a minute".
    DurationUnderAMinute,
    /// "1 day" / "{n} days".
    DurationDays(n),
    /// "1 hour" / "{n} hours".
    DurationHours(n),
    /// "1 minute" / "{n} minutes".
    DurationMinutes(n),
    /// Two units together: "{first} {second}".
    DurationPair(first, second),

    // ---- Refund answer: section titles of the default Refund Policy --------------------
    /// "How refund windows are measured".
    SectionWindowsMeasured,
    /// "Monthly subscriptions".
    SectionMonthlySubscriptions,
    /// "{platform_short} Plus".
    SectionPlus,
    /// "Courses and specializations".
    SectionCourses,
    /// "Pre-enrolment".
    SectionPreEnrolment,
    /// "Shorter refund windows".
    SectionShorterWindows,
    /// "Guided projects".
    SectionGuidedProjects,
    /// "Degrees and university certificates".
    SectionDegrees,
    /// "App store purchases".
    SectionAppStores,
    /// "Purchases through an organization".
    SectionOrganizations,
    /// "Other services".
    SectionOtherServices,
    /// "Violations of our policies".
    SectionViolations,
    /// "How to ask for a refund".
    SectionHowToAsk,
    /// "Refund Policy", for a rule with no section.
    SectionFallback,

    // ---- Refund timeline -------------------------------------------------------------------
    /// "Paid".
    MarkPaid,
    /// "Launch".
    MarkLaunch,
    /// "Certificate".
    MarkCertificate,
    /// "Cancelled".
    MarkCancelled,
    /// "Window closes".
    MarkDeadline,
    /// "Now".
    MarkNow,
    /// One moment in the drawing's accessible name: "{mark}: {time}".
    TimelineMoment(mark, time),
    /// Between two moments: "; ".
    TimelineMomentSeparator,
    /// The drawing's accessible name: "Timeline. {moments}.".
    TimelineLabel(moments),
    /// "Timeline from your payment to now. The bar is the refund window."
    TimelineCaption,

    // ---- Refund calculator -------------------------------------------------------------
    /// "Refund calculator" (heading, tools link, page title).
    RefundCalculator,
    /// The introduction, with the time zone.
    RefundIntro(zone),
    /// "Your purchase".
    GroupPurchase,
    /// "About the course".
    GroupAboutCourse,
    /// "About the Specialization".
    GroupAboutSpecialization,
    /// "About the subscription".
    GroupAboutSubscription,
    /// "About the service".
    GroupAboutService,
    /// "Cancellation and conduct".
    GroupConduct,
    /// "What did you buy?".
    AskKind,
    /// "Where did you pay?".
    AskVia,
    /// "When did you pay?".
    AskPaidAt,
    /// Hint for a subscription's payment date.
    HintPaidAtRenewal,
    /// Hint for the payment date.
    HintPaidAtReceipt,
    /// The zone after a date-time question: "(your time, {zone})".
    AskZone(zone),
    /// Pre-enrolment box (a course).
    AskPreEnrolled,
    /// Pre-enrolment box (a Specialization).
    AskPreEnrolledSpecialization,
    /// "Launch date".
    AskLaunchAt,
    /// Hint for the launch date.
    HintLaunchAt,
    /// Certificate box (a course).
    AskCertificate,
    /// Certificate box (a Specialization).
    AskCertificateSpecialization,
    /// "When did you earn it?".
    AskCertificateAt,
    /// Box: a window was stated for the service.
    AskServiceWindow,
    /// Label of that window.
    AskServiceWindowDays,
    /// Hint for that window.
    HintServiceWindow,
    /// Box: a shorter window was stated at sign-up.
    AskShorterWindow,
    /// Label of that window.
    AskShorterWindowDays,
    /// Hint for that window, with no limit.
    HintShorterWindow,
    /// Hint for that window, with its limit.
    HintShorterWindowLimit(n),
    /// Free-trial box.
    AskFreeTrial,
    /// "When does (or did) the free trial end?".
    AskFreeTrialEnd,
    /// Cancelled box.
    AskCancelled,
    /// "When did you cancel or ask?".
    AskCancelledAt,
    /// Hint for the cancellation date.
    HintCancelledAt,
    /// Violation box.
    AskViolation,
    /// Hint for the violation box.
    HintViolation,
    /// The clocks changed: "… it is read as {time}."
    ShiftedTime(time),
    /// A local time the clocks repeat, read as its first occurrence.
    RepeatedTimeFirst(time),
    /// A local time the clocks repeat, read as its second occurrence.
    RepeatedTimeSecond(time),
    /// "Use the second time ({time})".
    UseSecondTime(time),
    /// "Use the first time ({time})".
    UseFirstTime(time),
    /// Before the payment date is entered.
    RefundPrompt,
    /// "There is one thing / are a few things to check before we can answer:".
    ProblemsTitle(n),
    /// One problem in the summary: "{field}: {message}" (the field is a button).
    ProblemItem(field, message),
    /// The verdict card's accessible name: "Refund".
    CardLabel,
    /// "The refund answer can't be shown".
    CardFailed,

    // ---- Documents view ----------------------------------------------------------------
    /// The page title: "{title} · {platform}".
    PageTitle(title),
    /// "Loading documents…".
    Loading,
    /// "The documents could not be loaded".
    LoadFailed,
    /// "There are no documents to show.".
    NoDocuments,
    /// "This document is not available in English, so it is shown in its original
    /// language." (a translation the bundle lacks).
    ShownInOriginalLanguage,
    /// The earlier-version notice, then the link.
    OlderVersion(from, link),
    /// The earlier-version notice with an end date, then the link.
    OlderVersionUntil(from, until, link),
    /// "Read the current version".
    ReadCurrentVersion,
    /// "Version {version}".
    VersionLabel(version),
    /// "In effect since {date}" (the date is a `<time>`).
    InEffectSince(date),
    /// "Effective {date}" (the date is a `<time>`).
    EffectiveOn(date),
    /// "Current".
    CurrentBadge,
    /// "What changed in version {version}".
    WhatChangedInVersion(version),
    /// "← Back to your refund answer".
    BackToVerdict,
    /// "Skip to the document".
    SkipToDocument,
    /// "Terms and policies".
    BrandSubtitle,
    /// "Dismiss".
    Dismiss,
    /// "Tools" (navigation label).
    ToolsLabel,
    /// "These documents have no Refund Policy, so there is no refund calculator here."
    NoRefundPolicy,
    /// A link to a document the bundle does not have.
    NoSuchDocument(id),
    /// A link to a version the document does not have.
    NoSuchVersion(title, version),
    /// A link to a section the version does not have.
    NoSuchSection(title, section),
    /// "What changed" asked of a first version.
    NothingEarlier(version, title),
    /// "Documents" (navigation label).
    DocumentsLabel,
    /// "On this page".
    OnThisPage,
    /// A landmark's name in a widget embedded beside others: "{name}: {scope}", e.g.
    /// "On this page: Refund Policy", so that two widgets' landmarks differ.
    ScopedLandmark(name, scope),
    /// "Search the documents".
    SearchLabel,
    /// "Search" (placeholder).
    SearchPlaceholder,
    /// "Previous match".
    PreviousMatch,
    /// "Previous match (Shift+Enter)".
    PreviousMatchTitle,
    /// "Next match".
    NextMatch,
    /// "Next match (Enter)".
    NextMatchTitle,
    /// "Clear search".
    ClearSearch,
    /// "Clear (Escape)".
    ClearSearchTitle,
    /// "No matches in this document".
    NoMatches,
    /// "{current} of {n} match(es)".
    MatchCount(current, n),
    /// " · Also in: ".
    AlsoIn,
    /// One other document with matches: "{title} ({count})".
    AlsoInItem(title, count),
    /// "Versions of this document".
    VersionsTitle,
    /// "Important change".
    ImportantChange,
    /// "What changed".
    WhatChanged,
    /// "Earlier revision": an archived revision, known by its date and summary only.
    ArchivedRevision,
    /// "(external site)": after a link that leaves the widget's site.
    ExternalSite,
    /// "Shown".
    ShownBadge,
    /// "{n} problem(s) in the documents: some content is not shown".
    ProblemsInDocuments(n),
    /// "[removed: " before removed words (for screen readers).
    RemovedStart,
    /// "[added: " before added words (for screen readers).
    AddedStart,
    /// "]" after removed or added words.
    ChangeEnd,
    /// "Added".
    ChangeAdded,
    /// "Removed".
    ChangeRemoved,
    /// "Reworded".
    ChangeReworded,
    /// "What changed in version {to} since version {from}".
    ChangesTitle(to, from),
    /// "The wording is the same; only formatting changed."
    ChangesNone,
    /// "{n} change(s) in {sections}." (`sections` from [`Msg::ChangedSections`]).
    ChangesCount(n, sections),
    /// "1 section" / "{n} sections".
    ChangedSections(n),
    /// "Show the full text".
    ShowFullText,
    /// "Introduction" (the part before the first heading).
    Introduction,
    /// "Link to this section".
    LinkToSection,
    /// "Table" (a table's region label).
    TableLabel,
    /// " (opens in a new tab)".
    OpensInNewTab,
    /// "[Image: " before an image's text.
    ImageStart,
    /// "]" after an image's text.
    ImageEnd,
    /// "Link removed: {href} is not a safe address".
    LinkRemoved(href),

    // ---- Consent ---------------------------------------------------------------------
    /// Two items: "{a} and {b}".
    ListTwo(a, b),
    /// Three or more: "{init}, and {last}".
    ListMany(init, last),
    /// Between the first items of a longer list: ", ".
    ListSeparator,
    /// "Global Privacy Control".
    SignalGpc,
    /// "Do Not Track".
    SignalDnt,
    /// A named signal switched the optional kinds off.
    SignalNamed(name, place),
    /// An unnamed signal switched the optional kinds off.
    SignalUnnamed(place),
    /// Where to change that, in the banner: "in Choose…".
    SignalPlaceBanner,
    /// Where to change that, in the dialog: "below.".
    SignalPlaceDialog,
    /// "Our Privacy Policy changed (version {from} → {to})".
    ReasonPolicyChanged(from, to),
    /// The policy's wording changed.
    ReasonPolicyText(version),
    /// The agreed version can't be compared.
    ReasonPolicyUnknown(version),
    /// "You agreed to “{from}”, and “{to}” applies now".
    ReasonDifferentDocument(from, to),
    /// New categories to decide on.
    ReasonNewCategories(n, titles),
    /// "Read our Privacy Policy".
    ReadPrivacyPolicy,
    /// "Your choice is recorded with {policy}."
    RecordedWith(policy),
    /// "{title}, version {version}".
    PolicyLabel(title, version),
    /// "Privacy Policy", when the bundle has no title for it.
    PrivacyPolicy,
    /// "There is nothing optional to choose."
    NothingOptional,
    /// What the optional kinds are, and that they stay off.
    OptionalAsk(n, list),
    /// "Privacy choices" (region, dialog title, button).
    PrivacyChoices,
    /// "Your privacy choices".
    YourPrivacyChoices,
    /// "Not now: close without choosing".
    NotNowLabel,
    /// "Close without choosing (Escape). We’ll ask again next time."
    NotNowTitle,
    /// "Not now".
    NotNow,
    /// "We’re asking again because:".
    AskingAgain,
    /// The strictly necessary storage sentence (with a trailing space).
    NecessaryAlwaysOn,
    /// "Choose…".
    Choose,
    /// "Reject all".
    RejectAll,
    /// "Accept all".
    AcceptAll,
    /// "Stores nothing in your browser."
    StoresNothing,
    /// "Cookie or storage key: " / "Cookies and storage keys: ".
    StorageKeys(n),
    /// "Always on".
    AlwaysOn,
    /// Why required categories can't be switched off.
    AlwaysOnNote,
    /// "Allow".
    Allow,
    /// "Don’t allow".
    DontAllow,
    /// "Not answered yet."
    NotAnswered,
    /// Off because of a named signal.
    OffBySignalNamed(name),
    /// Off because of an unnamed signal.
    OffBySignal,
    /// "Close".
    Close,
    /// The dialog's introduction.
    PreferencesIntro,
    /// "Your history".
    YourHistory,
    /// "Nothing saved yet."
    NothingSaved,
    /// "Download a receipt (JSON)".
    DownloadReceipt,
    /// Why the receipt can't be downloaded yet.
    ReceiptLater,
    /// "Save my choices".
    SaveChoices,
    /// Why saving is not possible yet.
    SaveHint,
    /// "Your choice could not be recorded: {error}".
    NotRecorded(error),
    /// "← Back to your privacy choices".
    BackToChoices,
    /// While the documents view for the privacy policy loads.
    PolicyLoading,
    /// The documents view for the privacy policy could not be loaded.
    PolicyLoadFailed,

    // ---- Acceptance records: the history in words, the course page's lines --------------
    /// "On {date} you accepted the {title} (version {version}) {how}."
    AcceptedRecord(date, title, version, how),
    /// The same, and the pledges affirmed: "… and affirmed all {n} of its pledges."
    AcceptedRecordPledges(date, title, version, how, n),
    /// "when you signed up".
    AcceptedHowSignup,
    /// "when you signed up, with the agreement of a parent or guardian".
    AcceptedHowSignupGuardian,
    /// "for the course {course}".
    AcceptedHowCourse(course),
    /// "on {platform}" (a prompt outside a course).
    AcceptedHowPlatform,
    /// "again after it changed".
    AcceptedHowAgain,
    /// "again for the course {course} after it changed".
    AcceptedHowAgainCourse(course),
    /// "through {platform}" (the JavaScript API).
    AcceptedHowApi,
    /// "through {platform} for the course {course}".
    AcceptedHowApiCourse(course),
    /// "You accepted the {title} (version {version}) on {date}".
    AcceptedOn(title, version, date),
    /// "Updated since you accepted".
    UpdatedSinceAccepted,
    /// "What changed since you accepted".
    ChangedSinceAccepted,
    /// "You have not accepted anything yet."
    NothingAccepted,
    // ---- Acceptance: the sign-up and the course page ------------------------------------
    /// The stored agreements could not be read and were kept aside.
    AcceptanceUnreadable,
    /// Storage refused: agreements are kept for this visit only.
    AcceptanceMemoryOnly,
    /// Both of the above.
    AcceptanceUnreadableMemoryOnly,
    /// The sign-up's accessible name: "Your agreements with {platform}".
    SignupTitle,
    /// "Your date of birth" (the age screen's legend).
    BirthDateLegend,
    /// "Date of birth".
    BirthDateLabel,
    /// "We use it only to check what applies to you, and we don’t keep it."
    BirthDateHint,
    /// "Continue".
    Continue,
    /// "Enter your full date of birth."
    BirthDateInvalid,
    /// The date of birth does not exist in the calendar (e.g. 30 February).
    BirthDateNoSuchDay,
    /// The date of birth is after today.
    BirthDateFuture,
    /// The date of birth is implausibly long ago.
    BirthDateTooLongAgo,
    /// "Change your date of birth", on the documents step.
    ChangeBirthDate,
    /// "We can’t sign you up yet".
    TooYoungTitle,
    /// The kind stop under the minimum age.
    TooYoungText,
    /// "A parent or guardian" (legend).
    GuardianLegend,
    /// The guardian's confirmation checkbox.
    GuardianConfirm,
    /// "Read and accept" (legend of the documents).
    DocumentsLegend,
    /// "Version {version}, in effect from {date}".
    DocumentMeta(version, date),
    /// "Read the {title}".
    ReadDocument(title),
    /// "I have read and accept the {title}".
    AcceptDocument(title),
    /// "The pledges of the {title}: affirm each one".
    PledgesLegend(title),
    /// "Accept and continue".
    SignupAccept,
    /// "Still needed: {list}." (what is missing before the sign-up can go ahead).
    StillNeeded(list),
    /// "your date of birth".
    MissingBirthDate,
    /// "a parent or guardian’s confirmation".
    MissingGuardian,
    /// "pledge {pledge} of the {title}".
    MissingPledge(pledge, title),
    /// "the {title}".
    MissingDocument(title),
    /// "Thank you: your agreements are recorded."
    SignupDone,
    /// "← Back to the sign-up".
    BackToSignup,
    /// "← Back".
    BackToPrompt,
    /// While a document loads in the reading panel.
    DocumentLoading,
    /// The reading panel could not load.
    DocumentLoadFailed,
    /// The course prompt's heading: "Before graded work".
    CoursePromptTitle,
    /// "Accept".
    AcceptButton,
    /// "Accept version {version}".
    AcceptAgainButton(version),
    /// "The {title} changed in a way that matters since you accepted version {version}: please read what changed and accept it again."
    MaterialChangeIntro(title, version),
    /// The course id is not valid.
    InvalidCourse(course),
    /// "Read it".
    ReadIt,

    // ---- Refund: the reason in the learner's language (the refund area) -----------------
    // The engine's `Decision::reason` stays English (the refund contract's); these word
    // the same facts (`domain::refund::Why`) for the verdict card. A window's reason is
    // `WhyWindow`: a rule (`WhyStated` … `WhyNoLaunchYet`, no final punctuation), an
    // ending (`WhyEnd…`, starting with its punctuation) and a verdict (`WhyOn…`,
    // `WhyCancelled…`). Dates are `{paid}`, `{launch}`, `{earned}`, `{end}`, `{as_of}`,
    // written by `WhyWhen`.
    /// "{date} at {time} UTC" (an instant in a reason, e.g. "2024-03-01 at 12:00 UTC").
    WhyWhen(date, time),
    /// "You bought this through Google Play, so its refund policy applies instead of ours and Google handles refunds. Ask Google about a refund."
    WhyGooglePlay,
    /// "You bought this through the App Store, so its refund policy applies instead of ours and Apple handles refunds. Ask Apple about a refund."
    WhyAppStore,
    /// "You bought this through a marketplace, so its refund policy applies instead of ours and the marketplace handles refunds. Ask the marketplace about a refund."
    WhyMarketplaceChannel,
    /// "You have this through your organization (an employer, government, campus or social-good programme), so refunds and cancellations follow its contract with us. Ask your organization about a refund."
    WhyOrganization,
    /// "Refunds for {kinds} are set and handled by the university partner that offers the programme. Ask the university about a refund." (`{kinds}`: `WhyKinds…`)
    WhyPartner(kinds),
    /// "Refunds for {kinds} are handled by the marketplace they are sold through. Ask the marketplace about a refund."
    WhySoldThroughMarketplace(kinds),
    /// "A violation of the Terms of Use, Acceptable Use Policy or Honor Code has been confirmed, so you are not entitled to a refund, even within the refund window. We may still choose to refund."
    WhyViolation,
    /// "Monthly subscription payments are not refunded. Cancelling stops the next charge, and you keep access until the end of the month you paid for."
    WhyMonthlyNotRefunded,
    /// "{kinds} are not refunded." (`{kinds}`: `WhyAll…`, at the start of a sentence)
    WhyNotRefunded(kinds),
    /// "{this} came with a free trial instead of a refund period, so its payments are not refunded." (`{this}`: `WhyThis…`)
    WhyFreeTrial(this),
    /// "No refund period was stated for this service when you signed up, so it is not refunded."
    WhyNoStatedWindow,
    /// "{rule}{ending} {verdict}": a window's reason from its three parts.
    WhyWindow(rule, ending, verdict),
    /// "You paid on {paid}. The refund period stated for this service is {n} days after payment"
    WhyStated(n, paid),
    /// "You paid on {paid}. {this} stated a shorter refund period at sign-up: {n} days after payment"
    WhyShorter(n, paid, this),
    /// "You paid on {paid}. {kinds} can be refunded for {n} days after payment" (`{kinds}`: `WhyAll…`)
    WhyStandard(n, paid, kinds),
    /// "You paid on {paid}, when {what} had already launched, so pre-enrolment does not apply. {kinds} can be refunded for {n} days after payment" (`{what}`: `WhyLaunch…`)
    WhyLaunchedFirst(n, paid, what, kinds),
    /// "You pre-enrolled on {paid}, before {what} launched on {launch}. The refund period runs until {n} days after launch (launch dates can move, so this deadline can too)"
    WhyFromLaunch(n, paid, what, launch),
    /// "You pre-enrolled on {paid}, and {what} has no launch date yet. The refund period stays open until {n} days after launch"
    WhyNoLaunchYet(n, paid, what),
    #[doc = "\"the course\" (what launches, for a course)."] WhyLaunchCourse,
    #[doc = "\"the first course of the Specialization\"."] WhyLaunchSpecialization,
    #[doc = "\"it\" (what launches, for any other kind)."] WhyLaunchOther,
    #[doc = "\"your Course Certificate\"."] WhyCertificateCourse,
    /// "your first Course Certificate in this Specialization".
    WhyCertificateSpecialization,
    #[doc = "\"a certificate\" (any other kind)."] WhyCertificateOther,
    /// ". You earned {certificate} at the moment of payment, so there was no refund window."
    WhyEndCertificateAtPayment(certificate),
    /// ". You earned {certificate} on {earned}, which closed the refund window then."
    WhyEndCertificate(certificate, earned),
    /// ", which is after the year 9999, so the window is open at every date that can be judged."
    WhyEndAfterLastInstant,
    #[doc = "\", so there is no refund window.\""] WhyEndNoWindow,
    #[doc = "\", so the window closes on {end}.\""] WhyEndCloses(end),
    #[doc = "\".\" (the window's end is not known yet)."] WhyEndNotKnown,
    /// "You cancelled on {as_of}, {duration} before it closed, so a full refund is due."
    WhyCancelledInTime(as_of, duration),
    /// "On {as_of} it is still open ({duration} left), so a full refund is due."
    WhyOnStillOpen(as_of, duration),
    /// "You cancelled on {as_of}, while it was open, so a full refund is due."
    WhyCancelledWhileOpen(as_of),
    #[doc = "\"On {as_of} it is open, so a full refund is due.\""] WhyOnOpen(as_of),
    /// "You cancelled on {as_of}, so no refund is due." (a window of no time)
    WhyCancelledNoWindow(as_of),
    #[doc = "\"So on {as_of} no refund is due.\" (a window of no time)"] WhyOnNoWindow(as_of),
    /// "You cancelled on {as_of}, after it had closed, so no refund is due."
    WhyCancelledAfterClose(as_of),
    #[doc = "\"On {as_of} it has closed, so no refund is due.\""] WhyOnClosed(as_of),
    #[doc = "\"This monthly subscription\" (a sentence's subject)."] WhyThisMonthly,
    #[doc = "\"This Plus subscription\"."] WhyThisPlus,
    #[doc = "\"This course\"."] WhyThisCourse,
    #[doc = "\"This Specialization\"."] WhyThisSpecialization,
    #[doc = "\"This guided project\"."] WhyThisGuidedProject,
    #[doc = "\"This degree\"."] WhyThisDegree,
    #[doc = "\"This university certificate\"."] WhyThisUniversityCertificate,
    #[doc = "\"This service\"."] WhyThisOther,
    /// "Monthly subscription payments" (purchases of a kind, at the start of a sentence).
    WhyAllMonthly,
    #[doc = "\"Plus subscription payments\"."] WhyAllPlus,
    #[doc = "\"Courses\"."] WhyAllCourse,
    #[doc = "\"Specializations\"."] WhyAllSpecialization,
    #[doc = "\"Guided projects\"."] WhyAllGuidedProject,
    #[doc = "\"Degrees\"."] WhyAllDegree,
    #[doc = "\"University certificates\"."] WhyAllUniversityCertificate,
    #[doc = "\"Other services\"."] WhyAllOther,
    /// "monthly subscription payments" (purchases of a kind, inside a sentence).
    WhyKindsMonthly,
    #[doc = "\"plus subscription payments\"."] WhyKindsPlus,
    #[doc = "\"courses\"."] WhyKindsCourse,
    #[doc = "\"specializations\"."] WhyKindsSpecialization,
    #[doc = "\"guided projects\"."] WhyKindsGuidedProject,
    #[doc = "\"degrees\"."] WhyKindsDegree,
    #[doc = "\"university certificates\"."] WhyKindsUniversityCertificate,
    #[doc = "\"other services\"."] WhyKindsOther,

    // ---- Words: the consent history and the consent storage notices -------------------
    // One sentence per record (`domain::consent::describe`): `HistoryChoice` or
    // `HistorySignal`, with `{when}` from `HistoryOn`/`HistoryAt` and `{policy}` from
    // `HistoryUnder`.
    /// "On {date} at {time} UTC" (a record's time, starting its sentence).
    HistoryOn(date, time),
    #[doc = "\"At {instant}\" (a time the usual form cannot write)."] HistoryAt(instant),
    #[doc = "\"under {document} version {version}\"."] HistoryUnder(document, version),
    /// "{when} you {what}, {method}{signal}, {policy}." (a choice the learner made)
    HistoryChoice(when, what, method, signal, policy),
    /// "allowed {allowed} and refused {refused}".
    HistoryAllowedAndRefused(allowed, refused),
    #[doc = "\"allowed {allowed}\"."] HistoryAllowed(allowed),
    #[doc = "\"refused {refused}\"."] HistoryRefused(refused),
    /// "acknowledged the privacy notice, with nothing optional to choose".
    HistoryAcknowledged,
    #[doc = "\"from the banner\"."] HistoryFromBanner,
    #[doc = "\"in Privacy choices\"."] HistoryInPreferences,
    #[doc = "\"through your browser's privacy signal\"."] HistoryThroughSignal,
    #[doc = "\"through the platform\"."] HistoryThroughPlatform,
    /// ", while your browser was sending {signals}" (after the method; `{signals}`: the
    /// signals' names, `SignalGpc`, `SignalDnt`).
    HistoryWhileSending(signals),
    /// "{when}, following {source}, {what}, {policy}." (a browser signal decided)
    HistorySignal(when, source, what, policy),
    #[doc = "\"the {signals} signal from your browser\"."] HistorySignalSource(signals),
    #[doc = "\"your browser's privacy signal\"."] HistorySignalSourceUnnamed,
    /// "{list} was refused" / "{list} were refused" (`n`: how many categories).
    HistoryWereRefused(n, list),
    #[doc = "\"{list} stayed allowed as you had chosen\"."] HistoryStayedAllowed(list),
    #[doc = "\"nothing optional was left to decide\"."] HistoryNothingLeft,
    /// "Your saved privacy choices could not be read, so we kept a copy and are asking again."
    StoredChoicesUnreadable,
    /// "Your choices apply to this visit only: this browser is not letting the site store them."
    StoredChoicesMemoryOnly,
    #[doc = "Both of the above, in one notice."] StoredChoicesUnreadableMemoryOnly,

    // ---- Words: dates in words (`Catalog::date`) -------------------------------------------
    /// "{day} {month} {year}": a date in words, e.g. "1 September 2026".
    DateLong(day, month, year),
    #[doc = "\"January\"."] MonthJanuary,
    #[doc = "\"February\"."] MonthFebruary,
    #[doc = "\"March\"."] MonthMarch,
    #[doc = "\"April\"."] MonthApril,
    #[doc = "\"May\"."] MonthMay,
    #[doc = "\"June\"."] MonthJune,
    #[doc = "\"July\"."] MonthJuly,
    #[doc = "\"August\"."] MonthAugust,
    #[doc = "\"September\"."] MonthSeptember,
    #[doc = "\"October\"."] MonthOctober,
    #[doc = "\"November\"."] MonthNovember,
    #[doc = "\"December\"."] MonthDecember,
}

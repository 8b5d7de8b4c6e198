//! English: words that used to be written outside the catalog: the refund reason (the
//! engine's `Decision::reason`, byte for byte), the consent history in words and the
//! consent storage notices.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
    // The refund reason.
    (WhyWhen, Plain("{date} at {time} UTC")),
    (
        WhyGooglePlay,
        Plain(
            "You bought this through Google Play, so its refund policy applies instead of \
             ours and Google handles refunds. Ask Google about a refund.",
        ),
    ),
    (
        WhyAppStore,
        Plain(
            "You bought this through the App Store, so its refund policy applies instead of \
             ours and Apple handles refunds. Ask Apple about a refund.",
        ),
    ),
    (
        WhyMarketplaceChannel,
        Plain(
            "You bought this through a marketplace, so its refund policy applies instead of \
             ours and the marketplace handles refunds. Ask the marketplace about a refund.",
        ),
    ),
    (
        WhyOrganization,
        Plain(
            "You have this through your organization (an employer, government, campus or \
             social-good programme), so refunds and cancellations follow its contract with \
             us. Ask your organization about a refund.",
        ),
    ),
    (
        WhyPartner,
        Plain(
            "Refunds for {kinds} are set and handled by the university partner that offers \
             the programme. Ask the university about a refund.",
        ),
    ),
    (
        WhySoldThroughMarketplace,
        Plain(
            "Refunds for {kinds} are handled by the marketplace they are sold through. Ask the \
             marketplace about a refund.",
        ),
    ),
    (
        WhyViolation,
        Plain(
            "A violation of the Terms of Use, Acceptable Use Policy or Honor Code has been \
             confirmed, so you are not entitled to a refund, even within the refund window. \
             We may still choose to refund.",
        ),
    ),
    (
        WhyMonthlyNotRefunded,
        Plain(
            "Monthly subscription payments are not refunded. Cancelling stops the next charge, \
             and you keep access until the end of the month you paid for.",
        ),
    ),
    (WhyNotRefunded, Plain("{kinds} are not refunded.")),
    (
        WhyFreeTrial,
        Plain(
            "{this} came with a free trial instead of a refund period, so its payments are not \
             refunded.",
        ),
    ),
    (
        WhyNoStatedWindow,
        Plain(
            "No refund period was stated for this service when you signed up, so it is not \
             refunded.",
        ),
    ),
    (WhyWindow, Plain("{rule}{ending} {verdict}")),
    (
        WhyStated,
        Plural {
            one: "You paid on {paid}. The refund period stated for this service is {n} day \
                  after payment",
            other: "You paid on {paid}. The refund period stated for this service is {n} days \
                    after payment",
        },
    ),
    (
        WhyShorter,
        Plural {
            one: "You paid on {paid}. {this} stated a shorter refund period at sign-up: {n} \
                  day after payment",
            other: "You paid on {paid}. {this} stated a shorter refund period at sign-up: {n} \
                    days after payment",
        },
    ),
    (
        WhyStandard,
        Plural {
            one: "You paid on {paid}. {kinds} can be refunded for {n} day after payment",
            other: "You paid on {paid}. {kinds} can be refunded for {n} days after payment",
        },
    ),
    (
        WhyLaunchedFirst,
        Plural {
            one: "You paid on {paid}, when {what} had already launched, so pre-enrolment does \
                  not apply. {kinds} can be refunded for {n} day after payment",
            other: "You paid on {paid}, when {what} had already launched, so pre-enrolment \
                    does not apply. {kinds} can be refunded for {n} days after payment",
        },
    ),
    (
        WhyFromLaunch,
        Plural {
            one: "You pre-enrolled on {paid}, before {what} launched on {launch}. The refund \
                  period runs until {n} day after launch (launch dates can move, so this \
                  deadline can too)",
            other: "You pre-enrolled on {paid}, before {what} launched on {launch}. The refund \
                    period runs until {n} days after launch (launch dates can move, so this \
                    deadline can too)",
        },
    ),
    (
        WhyNoLaunchYet,
        Plural {
            one: "You pre-enrolled on {paid}, and {what} has no launch date yet. The refund \
                  period stays open until {n} day after launch",
            other: "You pre-enrolled on {paid}, and {what} has no launch date yet. The refund \
                    period stays open until {n} days after launch",
        },
    ),
    (WhyLaunchCourse, Plain("the course")),
    (
        WhyLaunchSpecialization,
        Plain("the first course of the Specialization"),
    ),
    (WhyLaunchOther, Plain("it")),
    (WhyCertificateCourse, Plain("your Course Certificate")),
    (
        WhyCertificateSpecialization,
        Plain("your first Course Certificate in this Specialization"),
    ),
    (WhyCertificateOther, Plain("a certificate")),
    (
        WhyEndCertificateAtPayment,
        Plain(
            ". You earned {certificate} at the moment of payment, so there was no refund window.",
        ),
    ),
    (
        WhyEndCertificate,
        Plain(". You earned {certificate} on {earned}, which closed the refund window then."),
    ),
    (
        WhyEndAfterLastInstant,
        Plain(
            ", which is after the year 9999, so the window is open at every date that can be \
             judged.",
        ),
    ),
    (WhyEndNoWindow, Plain(", so there is no refund window.")),
    (WhyEndCloses, Plain(", so the window closes on {end}.")),
    (WhyEndNotKnown, Plain(".")),
    (
        WhyCancelledInTime,
        Plain("You cancelled on {as_of}, {duration} before it closed, so a full refund is due."),
    ),
    (
        WhyOnStillOpen,
        Plain("On {as_of} it is still open ({duration} left), so a full refund is due."),
    ),
    (
        WhyCancelledWhileOpen,
        Plain("You cancelled on {as_of}, while it was open, so a full refund is due."),
    ),
    (
        WhyOnOpen,
        Plain("On {as_of} it is open, so a full refund is due."),
    ),
    (
        WhyCancelledNoWindow,
        Plain("You cancelled on {as_of}, so no refund is due."),
    ),
    (WhyOnNoWindow, Plain("So on {as_of} no refund is due.")),
    (
        WhyCancelledAfterClose,
        Plain("You cancelled on {as_of}, after it had closed, so no refund is due."),
    ),
    (
        WhyOnClosed,
        Plain("On {as_of} it has closed, so no refund is due."),
    ),
    (WhyThisMonthly, Plain("This monthly subscription")),
    (WhyThisPlus, Plain("This Plus subscription")),
    (WhyThisCourse, Plain("This course")),
    (WhyThisSpecialization, Plain("This Specialization")),
    (WhyThisGuidedProject, Plain("This guided project")),
    (WhyThisDegree, Plain("This degree")),
    (
        WhyThisUniversityCertificate,
        Plain("This university certificate"),
    ),
    (WhyThisOther, Plain("This service")),
    (WhyAllMonthly, Plain("Monthly subscription payments")),
    (WhyAllPlus, Plain("Plus subscription payments")),
    (WhyAllCourse, Plain("Courses")),
    (WhyAllSpecialization, Plain("Specializations")),
    (WhyAllGuidedProject, Plain("Guided projects")),
    (WhyAllDegree, Plain("Degrees")),
    (
        WhyAllUniversityCertificate,
        Plain("University certificates"),
    ),
    (WhyAllOther, Plain("Other services")),
    (WhyKindsMonthly, Plain("monthly subscription payments")),
    (WhyKindsPlus, Plain("plus subscription payments")),
    (WhyKindsCourse, Plain("courses")),
    (WhyKindsSpecialization, Plain("specializations")),
    (WhyKindsGuidedProject, Plain("guided projects")),
    (WhyKindsDegree, Plain("degrees")),
    (
        WhyKindsUniversityCertificate,
        Plain("university certificates"),
    ),
    (WhyKindsOther, Plain("other services")),
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
];

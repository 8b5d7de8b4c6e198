//! English: the refund form, answer, timeline and calculator, and the refund reason
//! (the engine's `Decision::reason`, byte for byte).

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

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
];

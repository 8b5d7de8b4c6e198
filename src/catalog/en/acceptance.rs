//! English: acceptance: the records in words, the sign-up and the course page.

use crate::catalog::Msg::{self, *};
use crate::catalog::Text::{self, Plain, Plural};

pub(super) const TABLE: &[(Msg, Text)] = &[
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

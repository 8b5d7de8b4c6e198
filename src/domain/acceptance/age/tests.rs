use chrono::{DateTime, Days, NaiveDate, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::time::parse_instant;

fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    parse_instant(s).unwrap()
}

/// The day before, and the day of, the 13th and 18th birthdays, each checked with the
/// default set-up (13 and 18).
#[test]
fn every_boundary_of_the_default_set_up() {
    let setup = AcceptanceSetup::default();
    let born = "2010-07-20";
    let cases = [
        ("2023-07-19", 12, AgeCheck::TooYoung),
        ("2023-07-20", 13, AgeCheck::NeedsGuardian),
        ("2028-07-19", 17, AgeCheck::NeedsGuardian),
        ("2028-07-20", 18, AgeCheck::Adult),
    ];
    for (today, age, check) in cases {
        assert_eq!(age_on(d(born), d(today)), Ok(age), "{today}");
        let now = at(&format!("{today}T23:59:59Z"));
        assert_eq!(check_birth_date(born, now, &setup), Ok(check), "{today}");
    }
    assert_eq!(age_on(d(born), d(born)), Ok(0), "born today");
}

#[test]
fn a_29_february_birthday_counts_from_1_march_in_other_years() {
    let setup = AcceptanceSetup::default();
    let born = "2012-02-29";
    // 13th birthday in 2025 (not a leap year): 28 Feb still 12, 1 Mar 13.
    assert_eq!(age_on(d(born), d("2025-02-28")), Ok(12));
    assert_eq!(age_on(d(born), d("2025-03-01")), Ok(13));
    // 18th birthday in 2030 (not a leap year).
    assert_eq!(age_on(d(born), d("2030-02-28")), Ok(17));
    assert_eq!(age_on(d(born), d("2030-03-01")), Ok(18));
    // In a leap year the birthday is 29 February itself.
    assert_eq!(age_on(d(born), d("2028-02-28")), Ok(15));
    assert_eq!(age_on(d(born), d("2028-02-29")), Ok(16));
    assert_eq!(
        check_birth_date(born, at("2025-02-28T12:00:00Z"), &setup),
        Ok(AgeCheck::TooYoung)
    );
    assert_eq!(
        check_birth_date(born, at("2025-03-01T00:00:00Z"), &setup),
        Ok(AgeCheck::NeedsGuardian)
    );
    assert_eq!(
        check_birth_date(born, at("2030-02-28T23:59:59Z"), &setup),
        Ok(AgeCheck::NeedsGuardian)
    );
    assert_eq!(
        check_birth_date(born, at("2030-03-01T00:00:00Z"), &setup),
        Ok(AgeCheck::Adult)
    );
    // Born 1 March, the day after 28 February in a leap year: no 29 Feb confusion.
    assert_eq!(age_on(d("2008-03-01"), d("2026-02-28")), Ok(17));
    assert_eq!(age_on(d("2008-03-01"), d("2026-03-01")), Ok(18));
}

#[test]
fn impossible_and_future_dates_are_refused_clearly() {
    let now = at("2026-11-29T10:00:00Z");
    assert_eq!(
        parse_birth_date("2011-02-29", now),
        Err(AgeError::NoSuchDate("2011-02-29".into()))
    );
    assert_eq!(
        parse_birth_date("2010-13-01", now),
        Err(AgeError::NoSuchDate("2010-13-01".into()))
    );
    for bad in [
        "",
        "29/02/2008",
        "2008-2-29",
        "yesterday",
        "2008-02-29T00:00:00Z",
    ] {
        assert_eq!(
            parse_birth_date(bad, now),
            Err(AgeError::NotADate(bad.into())),
            "{bad}"
        );
    }
    let future = parse_birth_date("2026-11-30", now).unwrap_err();
    assert_eq!(
        future,
        AgeError::InTheFuture {
            birth: d("2026-11-30"),
            today: d("2026-11-29")
        }
    );
    assert!(future.to_string().contains("is after today (2026-11-29)"));
    assert_eq!(parse_birth_date(" 2010-01-01 ", now), Ok(d("2010-01-01")));
    assert_eq!(
        parse_birth_date("1895-11-30", now),
        Ok(d("1895-11-30")),
        "130"
    );
    assert_eq!(
        parse_birth_date("1895-11-29", now),
        Err(AgeError::TooLongAgo {
            birth: d("1895-11-29")
        }),
        "131"
    );
    assert!(
        AgeError::NoSuchDate("2011-02-29".into())
            .to_string()
            .contains("does not exist in the calendar")
    );
}

#[test]
fn the_checks_follow_the_set_up() {
    let setup = AcceptanceSetup {
        minimum_age: 16,
        age_of_majority: 21,
        ..AcceptanceSetup::default()
    };
    assert_eq!(AgeCheck::of(15, &setup), AgeCheck::TooYoung);
    assert_eq!(AgeCheck::of(16, &setup), AgeCheck::NeedsGuardian);
    assert_eq!(AgeCheck::of(20, &setup), AgeCheck::NeedsGuardian);
    assert_eq!(AgeCheck::of(21, &setup), AgeCheck::Adult);
    assert_eq!(AgeCheck::TooYoung.attestation(), None);
    assert_eq!(
        AgeCheck::NeedsGuardian.attestation(),
        Some(AgeAttestation::MinorWithGuardian)
    );
    assert_eq!(AgeCheck::Adult.attestation(), Some(AgeAttestation::Adult));
}

proptest! {
    /// The age goes up by exactly one on each birthday (1 March for 29 February births
    /// in common years) and by nothing on any other day.
    #[test]
    fn the_age_steps_once_a_year(
        days_from_1950 in 0u64..30_000,
        span in 0u64..(366 * 40),
    ) {
        let birth = d("1950-01-01").checked_add_days(Days::new(days_from_1950)).unwrap();
        let today = birth.checked_add_days(Days::new(span)).unwrap();
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap();
        let (a, b) = (age_on(birth, today).unwrap(), age_on(birth, tomorrow).unwrap());
        let birthday = if birth.month() == 2 && birth.day() == 29 {
            NaiveDate::from_ymd_opt(tomorrow.year(), 2, 29)
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(tomorrow.year(), 3, 1).unwrap())
        } else {
            NaiveDate::from_ymd_opt(tomorrow.year(), birth.month(), birth.day()).unwrap()
        };
        prop_assert_eq!(b - a, u32::from(tomorrow == birthday));
    }
}

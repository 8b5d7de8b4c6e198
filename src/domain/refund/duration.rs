//! Time left, worded for the UI.

use crate::domain::time::{push_number, push_padded};

/// Words a number of seconds for the UI, rounding down so time left is never overstated:
/// the two largest units among days, hours and minutes.
///
/// Anything under a minute, zero and negative numbers included, is "less than a minute".
///
/// ```
/// use terms_widget::domain::refund::format_duration;
///
/// assert_eq!(format_duration(3 * 86_400 + 4 * 3600 + 59), "3 days 4 hours");
/// assert_eq!(format_duration(5 * 3600 + 2 * 60), "5 hours 2 minutes");
/// assert_eq!(format_duration(86_400), "1 day");
/// assert_eq!(format_duration(59), "less than a minute");
/// ```
pub fn format_duration(seconds: i64) -> String {
    let mut text = String::new();
    push_duration(&mut text, seconds);
    text
}

/// [`format_duration`], appended to `out`.
pub(super) fn push_duration(out: &mut String, seconds: i64) {
    if seconds < 60 {
        out.push_str("less than a minute");
        return;
    }
    let days = seconds / 86_400;
    let hours = seconds % 86_400 / 3600;
    let minutes = seconds % 3600 / 60;
    let (first, second) = if days > 0 {
        ((days, "day"), (hours, "hour"))
    } else if hours > 0 {
        ((hours, "hour"), (minutes, "minute"))
    } else {
        ((minutes, "minute"), (0, ""))
    };
    push_unit(out, first.0, first.1);
    if second.0 > 0 {
        out.push(' ');
        push_unit(out, second.0, second.1);
    }
}

/// `1 day`, `3 days`: `n` and the unit's name, plural unless `n` is 1.
fn push_unit(out: &mut String, n: i64, name: &str) {
    push_number(out, n);
    out.push(' ');
    out.push_str(name);
    if n != 1 {
        out.push('s');
    }
}

/// `1 day`, `14 days`.
pub(super) fn day_count(days: u64) -> String {
    let mut text = String::new();
    push_day_count(&mut text, days);
    text
}

/// [`day_count`], appended to `out`.
pub(super) fn push_day_count(out: &mut String, days: u64) {
    push_padded(out, days, 1);
    out.push_str(if days == 1 { " day" } else { " days" });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_for_the_ui() {
        for (seconds, text) in [
            (i64::MIN, "less than a minute"),
            (-5, "less than a minute"),
            (0, "less than a minute"),
            (59, "less than a minute"),
            (60, "1 minute"),
            (119, "1 minute"),
            (3599, "59 minutes"),
            (3600, "1 hour"),
            (3660, "1 hour 1 minute"),
            (5 * 3600 + 2 * 60 + 59, "5 hours 2 minutes"),
            (86_399, "23 hours 59 minutes"),
            (86_400, "1 day"),
            (86_400 + 59 * 60, "1 day"),
            (3 * 86_400 + 4 * 3600, "3 days 4 hours"),
            (14 * 86_400 - 1, "13 days 23 hours"),
            (i64::MAX, "106751991167300 days 15 hours"),
        ] {
            assert_eq!(format_duration(seconds), text, "{seconds}");
        }
    }
}

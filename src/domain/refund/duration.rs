//! Time left, worded for the UI.

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
    if seconds < 60 {
        return "less than a minute".to_owned();
    }
    let days = seconds / 86_400;
    let hours = seconds % 86_400 / 3600;
    let minutes = seconds % 3600 / 60;
    let unit = |n: i64, name: &str| {
        if n == 1 {
            format!("1 {name}")
        } else {
            format!("{n} {name}s")
        }
    };
    let (first, second) = if days > 0 {
        (unit(days, "day"), (hours > 0).then(|| unit(hours, "hour")))
    } else if hours > 0 {
        (
            unit(hours, "hour"),
            (minutes > 0).then(|| unit(minutes, "minute")),
        )
    } else {
        (unit(minutes, "minute"), None)
    };
    match second {
        Some(second) => format!("{first} {second}"),
        None => first,
    }
}

/// `1 day`, `14 days`.
pub(super) fn day_count(days: u64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
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

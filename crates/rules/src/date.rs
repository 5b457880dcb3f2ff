//! Calendar dates for `until=` and `aws:CurrentTime` (days since 1970-01-01).

use crate::iam::policy::Statement;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub i64);

impl Date {
    /// `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    pub fn parse(s: &str) -> Option<Date> {
        let d = s.get(..10)?;
        let mut it = d.split('-');
        let (y, m, dd): (i64, i64, i64) = (
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
            it.next()?.parse().ok()?,
        );
        if !(1..=12).contains(&m) || !(1..=31).contains(&dd) || d.as_bytes().get(4) != Some(&b'-') {
            return None;
        }
        Some(Date(days_from_civil(y, m, dd)))
    }

    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date(secs.div_euclid(86_400))
    }

    pub fn add_days(self, n: i64) -> Date {
        Date(self.0 + n)
    }

    pub fn format(self) -> String {
        let (y, m, d) = civil_from_days(self.0);
        format!("{y:04}-{m:02}-{d:02}")
    }
}

// Howard Hinnant's civil calendar algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The end date of a time-bound statement (`DateLessThan[Equals]` on aws:CurrentTime).
pub fn time_bound(st: &Statement) -> Option<(Date, String)> {
    st.conditions
        .iter()
        .filter(|c| c.key.eq_ignore_ascii_case("aws:CurrentTime"))
        .filter(|c| matches!(c.operator.as_str(), "DateLessThan" | "DateLessThanEquals"))
        .find_map(|c| {
            let t = c.values.texts().next()?;
            Some((Date::parse(t)?, t.to_string()))
        })
}

/// A time-bound statement whose date has passed grants nothing.
pub fn expired(st: &Statement, today: Date) -> bool {
    time_bound(st).is_some_and(|(d, _)| d <= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let d = Date::parse("2027-01-31").unwrap();
        assert_eq!(d.format(), "2027-01-31");
        assert_eq!(Date::parse("1970-01-01"), Some(Date(0)));
        assert!(Date::parse("2020-13-01").is_none());
        assert_eq!(d.add_days(1).format(), "2027-02-01");
    }
}

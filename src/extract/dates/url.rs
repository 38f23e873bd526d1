//! Dates in a URL path: weak evidence, ranked last by the choice.

use std::sync::LazyLock;

use regex::Regex;

use super::absolute::ymd;
use super::{PageDate, Precision};

/// `/2024/06/18/`, `/2024-06-18-`, `/20240618/`, `/2024/06/`, each ending
/// at a separator, an `.html` or the end of the path.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?:/|[_-]|\.html?|$)")
        .expect("valid pattern")
});

/// A date in a URL path: `/2024/06/18/`, `/2024-06-18/`, `/20240618/`, or
/// `/2024/06/` at month precision. The host is never read.
pub fn from_url_path(url: &str) -> Option<PageDate> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path = url.get(path_start..)?;
    let path = path.get(path.find('/')?..)?;
    let caps = URL_DATE.captures(path)?;
    let y: u64 = caps.get(1)?.as_str().parse().ok()?;
    let m: u64 = caps.get(2)?.as_str().parse().ok()?;
    match caps.get(3) {
        Some(d) => ymd(y, m, d.as_str().parse().ok()?).map(PageDate::day),
        None => ymd(y, m, 1).map(|date| PageDate {
            precision: Precision::Month,
            ..PageDate::day(date)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths() {
        let day = |u: &str| from_url_path(u).map(|d| d.to_rfc3339());
        assert_eq!(
            day("https://x.test/2024/06/18/story").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            day("https://x.test/news/2024-06-18-story").as_deref(),
            Some("2024-06-18")
        );
        assert_eq!(
            day("https://x.test/2024/06/story").as_deref(),
            Some("2024-06")
        );
        assert_eq!(day("https://x.test/story-12345"), None);
        assert_eq!(day("https://2024.test/"), None);
    }
}

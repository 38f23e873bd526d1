//! The snapshot format of our users' corpus: an HTML comment holding the
//! capture time in epoch milliseconds, a Markdown link line `[title](url)`, a
//! dashed rule, then the HTML. [`split`] recognises the prelude and returns
//! the HTML after it; input without a prelude is returned whole.

/// What a snapshot prelude says about the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prelude {
    /// Capture time in milliseconds since the Unix epoch.
    pub captured_ms: Option<i64>,
    /// The page title recorded at capture.
    pub title: Option<String>,
    /// The page URL recorded at capture.
    pub url: Option<String>,
}

/// Splits a snapshot into its prelude and its HTML. Returns `(None, text)`
/// when `text` does not start with a prelude.
pub fn split(text: &str) -> (Option<Prelude>, &str) {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let Some(after_open) = start.strip_prefix("<!--") else {
        return (None, text);
    };
    let Some(close) = after_open.find("-->") else {
        return (None, text);
    };
    let Some((stamp, after_stamp)) = after_open.split_at_checked(close) else {
        return (None, text);
    };
    let stamp = stamp.trim();
    if stamp.is_empty() || stamp.len() > 16 || !stamp.bytes().all(|b| b.is_ascii_digit()) {
        return (None, text);
    }
    let captured_ms = stamp.parse::<i64>().ok();
    let mut rest = after_stamp.get(3..).unwrap_or_default();
    let mut prelude = Prelude {
        captured_ms,
        ..Prelude::default()
    };
    // Up to a few lines: the link line, then a rule of dashes.
    for _ in 0..4 {
        let trimmed = rest.trim_start_matches(['\r', '\n']);
        let (line, next) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
        let line_t = line.trim();
        if let Some((title, url)) = parse_link_line(line_t) {
            prelude.title = (!title.is_empty()).then(|| title.to_owned());
            prelude.url = (!url.is_empty()).then(|| url.to_owned());
            rest = next;
        } else if line_t.len() >= 3 && line_t.bytes().all(|b| b == b'-') {
            rest = next;
            break;
        } else {
            break;
        }
    }
    (Some(prelude), rest)
}

/// Parses `[title](url)`; the title may itself contain brackets.
fn parse_link_line(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('[')?.strip_suffix(')')?;
    let (title, url) = inner.rsplit_once("](")?;
    Some((title.trim(), url.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_snapshot() {
        let text = "<!--1718692982000-->\n[A [b] title](https://x.test/a)\n------\n\n<p>hi</p>";
        let (prelude, html) = split(text);
        let prelude = prelude.expect("prelude");
        assert_eq!(prelude.captured_ms, Some(1_718_692_982_000));
        assert_eq!(prelude.title.as_deref(), Some("A [b] title"));
        assert_eq!(prelude.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(html.trim(), "<p>hi</p>");
    }

    #[test]
    fn plain_html_has_no_prelude() {
        let (prelude, html) = split("<!-- a comment --><p>x</p>");
        assert!(prelude.is_none());
        assert_eq!(html, "<!-- a comment --><p>x</p>");
        assert!(split("<!--123").0.is_none());
    }
}

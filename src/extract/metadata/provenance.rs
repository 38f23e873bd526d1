//! Provenance and confidence: the [`Field`] every metadata value travels
//! in, the confidence each source starts with, and how the candidates that
//! lost become a field's alternatives.

use crate::article::{Alternative, FieldProvenance, Source};

use super::title;

/// Losing candidates kept per field: enough for every structured source
/// and a few visible ones.
pub(super) const MAX_ALTERNATIVES: usize = 8;

/// Confidence added when another source names the same value (for dates,
/// the same day).
pub(super) const AGREEMENT_BONUS: f32 = 0.1;

/// A metadata value with where it came from: the winning source, the text
/// as found, a confidence and the candidates that lost.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    /// The cleaned value.
    pub value: T,
    /// Its source, raw text, confidence and the alternatives that lost.
    pub provenance: FieldProvenance,
}

impl<T> Field<T> {
    /// Where the value came from.
    pub fn source(&self) -> Source {
        self.provenance.source
    }

    /// A value from one source with nothing to weigh it against: the
    /// source's confidence, no alternatives.
    pub(super) fn alone(value: T, source: Source, raw: String) -> Field<T> {
        Field {
            value,
            provenance: FieldProvenance {
                source,
                raw,
                confidence: source.field_confidence(),
                alternatives: Vec::new(),
            },
        }
    }
}

impl Source {
    /// How reliable a text or URL field (title, authors, site name,
    /// description, canonical URL, lead image) from this source is, before
    /// agreement. Ranks like [`Source::date_confidence`]: declared data
    /// first, text guessed from the layout last.
    pub fn field_confidence(self) -> f32 {
        match self {
            Source::JsonLd | Source::LinkElement => 0.9,
            Source::OpenGraph => 0.85,
            Source::Twitter | Source::Microdata | Source::Prelude => 0.8,
            Source::DublinCore | Source::Meta => 0.75,
            Source::Heading | Source::HtmlLang => 0.7,
            Source::Byline | Source::TitleElement => 0.6,
            Source::PageUrl => 0.5,
            Source::UrlPattern => 0.3,
            _ => 0.4,
        }
    }
}

/// A confidence to two decimals (sums of f32 ranks print as 0.90000004).
pub(super) fn rounded(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Candidates whose value is their raw text.
pub(super) fn plain(candidates: &[(String, Source)]) -> Vec<(String, String, Source)> {
    candidates
        .iter()
        .map(|(v, s)| (v.clone(), v.clone(), *s))
        .collect()
}

/// Two texts name the same thing: equal but for case and spacing.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    title::same_key(a, b)
}

/// Two URLs name the same resource: equal but for a trailing slash and the
/// scheme.
pub(super) fn same_url(a: &str, b: &str) -> bool {
    let strip = |u: &str| {
        u.trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned()
    };
    strip(a) == strip(b)
}

/// The first of `candidates` (value, source) as a field whose value is its
/// raw text, the others its alternatives, agreeing by `same`.
pub(super) fn first_of(
    candidates: &[(String, Source)],
    same: &dyn Fn(&str, &str) -> bool,
) -> Option<Field<String>> {
    let (value, source) = candidates.first()?;
    Some(Field {
        value: value.clone(),
        provenance: text_fact(value, *source, value, &plain(candidates), same),
    })
}

/// Provenance of a field: the winner's source and raw text, every other
/// candidate (value, raw, source) as an alternative. Each other source that
/// agrees raises the confidence (two at most count).
pub(super) fn text_fact(
    value: &str,
    source: Source,
    raw: &str,
    candidates: &[(String, String, Source)],
    same: &dyn Fn(&str, &str) -> bool,
) -> FieldProvenance {
    let mut alternatives: Vec<Alternative> = Vec::new();
    let mut winner_seen = false;
    for (v, r, s) in candidates {
        if !winner_seen && *s == source && r == raw {
            winner_seen = true;
            continue;
        }
        if alternatives.len() >= MAX_ALTERNATIVES {
            break;
        }
        if alternatives.iter().any(|a| a.source == *s && a.value == *v) {
            continue;
        }
        alternatives.push(Alternative {
            value: v.clone(),
            raw: r.clone(),
            source: *s,
            confidence: s.field_confidence(),
            agrees: same(value, v),
        });
    }
    let agreeing = alternatives
        .iter()
        .filter(|a| a.agrees && a.source != source)
        .count()
        .min(2);
    FieldProvenance {
        source,
        raw: raw.to_owned(),
        confidence: rounded(
            (source.field_confidence() + AGREEMENT_BONUS * agreeing as f32).min(1.0),
        ),
        alternatives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreeing_sources_raise_the_confidence_and_losers_are_kept() {
        let candidates = vec![
            ("Rates rise".to_owned(), Source::OpenGraph),
            ("rates  RISE".to_owned(), Source::TitleElement),
            ("Other".to_owned(), Source::Heading),
        ];
        let field = first_of(&candidates, &same_text).expect("a winner");
        assert_eq!(field.value, "Rates rise");
        assert_eq!(field.source(), Source::OpenGraph);
        assert_eq!(field.provenance.alternatives.len(), 2);
        assert!(field.provenance.alternatives[0].agrees);
        assert!(!field.provenance.alternatives[1].agrees);
        assert!((field.provenance.confidence - 0.95).abs() < 1e-6);
        assert!(first_of(&[], &same_text).is_none());
    }

    #[test]
    fn urls_compare_without_scheme_and_trailing_slash() {
        assert!(same_url("https://a.example/x/", "http://a.example/x"));
        assert!(!same_url("https://a.example/x", "https://a.example/y"));
    }
}

//! Second opinion where whatlang is unsure: lingua (`lingua` crate) within
//! groups of confusable languages.
//!
//! whatlang scores trigrams alone and misreads short text within groups of
//! neighbours (Danish, Bokmål and Swedish; Dutch and Afrikaans; Croatian and
//! Slovene; Russian, Ukrainian, Bulgarian and Macedonian; ...). lingua adds
//! unigram to fivegram models and decides those far better on a sentence.
//! It runs only on answers whatlang itself would not call reliable, so
//! reliable answers and their cost stay whatlang's.
//!
//! One detector per group, built once (a `LazyLock`) on the first unsure
//! answer, not at start. High accuracy mode: low accuracy mode saved no
//! memory (lingua reads its models in place from the binary either way)
//! and lost short-text accuracy.

use lingua::Language as L;
use lingua::{LanguageDetector, LanguageDetectorBuilder};
use std::sync::LazyLock;

/// Groups of neighbours whatlang confuses on short text, each decided by
/// its own small lingua detector: only their models are embedded and
/// mapped, about 68 MB (lede-eval's peak RSS +49 MB on the language corpus).
const GROUPS: &[&[L]] = &[
    // Danish, Bokmål, Swedish; German, which whatlang reads as Danish on a
    // short phrase ("Der schnelle braune Fuchs").
    &[L::Danish, L::Bokmal, L::Swedish, L::German],
    &[L::Dutch, L::Afrikaans],
    &[L::Croatian, L::Slovene],
    &[
        L::Russian,
        L::Ukrainian,
        L::Bulgarian,
        L::Macedonian,
        L::Serbian,
    ],
];

/// Characters of the sample the second opinion reads: its answers matter on
/// short text, and its cost grows with the length.
const MAX_CHARS: usize = 600;

static DETECTORS: LazyLock<Vec<LanguageDetector>> = LazyLock::new(|| {
    GROUPS
        .iter()
        .map(|group| LanguageDetectorBuilder::from_languages(group).build())
        .collect()
});

/// The detector of the group holding whatlang's answer `primary`: `None`
/// outside the groups, and whatlang's answer stands.
fn group(primary: &str) -> Option<&'static LanguageDetector> {
    let index = GROUPS
        .iter()
        .position(|group| group.iter().any(|l| tag(*l) == primary))?;
    DETECTORS.get(index)
}

/// The BCP-47 primary subtag lede uses for a lingua language.
fn tag(language: L) -> &'static str {
    match language {
        L::Afrikaans => "af",
        L::Croatian => "hr",
        L::Danish => "da",
        L::Dutch => "nl",
        L::German => "de",
        L::Bokmal => "nb",
        L::Slovene => "sl",
        L::Swedish => "sv",
        L::Bulgarian => "bg",
        L::Macedonian => "mk",
        L::Serbian => "sr",
        L::Russian => "ru",
        L::Ukrainian => "uk",
    }
}

/// lingua's answer on `text`, whose whatlang answer `primary` is in a
/// confusable group: the primary subtag and lingua's confidence in it (its values
/// sum to 1 over the group). `None` when the group has no model for
/// `primary` or lingua has no answer.
pub(super) fn opinion(text: &str, primary: &str) -> Option<(&'static str, f32)> {
    let detector = group(primary)?;
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = text.get(..end).unwrap_or(text);
    let values = detector.compute_language_confidence_values(head);
    let (language, confidence) = values.first()?;
    if *confidence <= 0.0 {
        return None;
    }
    // lingua's confidence is in 0..=1; f32 is all the output keeps.
    Some((tag(*language), *confidence as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tag_names_one_language_and_finds_its_group() {
        let mut seen = std::collections::BTreeSet::new();
        for (g, members) in GROUPS.iter().enumerate() {
            for language in members.iter() {
                let t = tag(*language);
                assert!(seen.insert(t), "{t} twice");
                let found = group(t)
                    .zip(DETECTORS.get(g))
                    .map(|(a, b)| std::ptr::eq(a, b));
                assert_eq!(found, Some(true), "{t} is not routed to its group");
            }
        }
    }

    #[test]
    fn german_is_not_danish() {
        let (tag, _) = opinion("Der schnelle braune Fuchs", "da").unwrap();
        assert_eq!(tag, "de");
    }

    #[test]
    fn bokmal_is_told_from_danish() {
        let text = "Regjeringen vil styrke beredskapen i hele landet, sier statsministeren.";
        assert_eq!(opinion(text, "da").map(|o| o.0), Some("nb"));
    }

    #[test]
    fn ukrainian_is_told_from_russian() {
        let text = "Україна отримала нову партію допомоги від партнерів.";
        assert_eq!(opinion(text, "ru").map(|o| o.0), Some("uk"));
    }

    #[test]
    fn serbian_is_told_from_macedonian() {
        let text = "Влада Србије је данас усвојила предлог закона о буџету за следећу годину.";
        assert_eq!(opinion(text, "mk").map(|o| o.0), Some("sr"));
    }

    #[test]
    fn unknown_group_has_no_opinion() {
        assert_eq!(opinion("Bu kitob juda qiziq", "uz"), None);
        assert_eq!(opinion("नमस्ते दुनिया", "hi"), None);
    }
}

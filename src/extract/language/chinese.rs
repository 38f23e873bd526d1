//! Simplified or Traditional Chinese, decided by counting the characters
//! that exist in only one of the two scripts.
//!
//! The two lists in `data/` come from OpenCC's character tables (Apache
//! License 2.0, copied as shipped in the `ferrous-opencc` 0.4.0 crate): a
//! character is Simplified-only when `STCharacters.txt` maps it and none of
//! its Traditional forms is the character itself (`们`, `发`, `国`; not `台`
//! or `后`, which Traditional text uses too), and Traditional-only the other
//! way round with `TSCharacters.txt`. About 3,800 and 4,100 characters.
//!
//! Why data files instead of a conversion crate: the crates that carry these
//! tables expose them only through whole-text conversion, which costs about
//! 0.5 µs per character and keeps only the first candidate of each entry, so
//! it would count `台` or `吃` as Simplified. To regenerate, from OpenCC's
//! `data/dictionary/` with Python:
//!
//! ```text
//! def only(path):   # characters no conversion maps to themselves
//!     rows = (l.rstrip("\n").split("\t") for l in open(path) if l[0] != "#")
//!     return {k for k, v in rows if k not in v.split()}
//! hans, hant = only("STCharacters.txt"), only("TSCharacters.txt")
//! hans, hant = hans - hant, hant - hans    # then write sorted, 50 a line
//! ```

use std::sync::LazyLock;

/// Which script each character belongs to, for the lookups while counting.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    Table::new(
        include_str!("data/hans_only.txt"),
        include_str!("data/hant_only.txt"),
    )
});

/// Han characters below which a declared variant outweighs a few telling
/// characters. The issue measured the counting rule as making no wrong call
/// on texts over 40 characters.
const SHORT_HAN_CHARS: u32 = 40;
/// Telling characters a short text needs, all on one side, to override the
/// declared variant.
const SHORT_OVERRIDE_COUNT: u32 = 3;

/// The first and last code points of the dense table: CJK Extension A and
/// the Unified Ideographs, where all but a handful of the listed characters
/// are (27,648 bytes).
const DENSE_FIRST: u32 = 0x3400;
const DENSE_LAST: u32 = 0x9FFF;

/// The two character lists as a byte per code point over the main CJK
/// blocks (a binary search per character cost ~50 ns, most of the Chinese
/// path), with sorted lists for the few characters outside them.
struct Table {
    dense: Vec<Option<Variant>>,
    hans_sparse: Vec<char>,
    hant_sparse: Vec<char>,
}

impl Table {
    fn new(hans: &str, hant: &str) -> Self {
        let mut table = Self {
            dense: vec![None; (DENSE_LAST - DENSE_FIRST + 1) as usize],
            hans_sparse: Vec::new(),
            hant_sparse: Vec::new(),
        };
        for (data, variant) in [(hans, Variant::Simplified), (hant, Variant::Traditional)] {
            for c in list(data) {
                let code = u32::from(c);
                if (DENSE_FIRST..=DENSE_LAST).contains(&code) {
                    if let Some(slot) = table.dense.get_mut((code - DENSE_FIRST) as usize) {
                        *slot = Some(variant);
                    }
                } else if variant == Variant::Simplified {
                    table.hans_sparse.push(c);
                } else {
                    table.hant_sparse.push(c);
                }
            }
        }
        table.hans_sparse.sort_unstable();
        table.hant_sparse.sort_unstable();
        table
    }

    /// The only script `c` is written in, if it belongs to one.
    fn variant(&self, c: char) -> Option<Variant> {
        let code = u32::from(c);
        if (DENSE_FIRST..=DENSE_LAST).contains(&code) {
            return self
                .dense
                .get((code - DENSE_FIRST) as usize)
                .copied()
                .flatten();
        }
        if self.hans_sparse.binary_search(&c).is_ok() {
            Some(Variant::Simplified)
        } else if self.hant_sparse.binary_search(&c).is_ok() {
            Some(Variant::Traditional)
        } else {
            None
        }
    }
}

/// The characters of a data file, without its `#` comment lines.
fn list(data: &str) -> impl Iterator<Item = char> + '_ {
    data.lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
}

/// The two ways of writing Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Variant {
    /// Simplified (`zh-Hans`).
    Simplified,
    /// Traditional (`zh-Hant`).
    Traditional,
}

impl Variant {
    /// The ISO 15924 script code.
    pub(super) fn script(self) -> &'static str {
        match self {
            Self::Simplified => "Hans",
            Self::Traditional => "Hant",
        }
    }

    /// The variant a normalised tag names, if any (`zh-Hant`, `yue`).
    pub(super) fn of_tag(tag: &str) -> Option<Self> {
        match super::tags::script_subtag(tag) {
            Some("Hans") => Some(Self::Simplified),
            Some("Hant") => Some(Self::Traditional),
            _ if super::tags::primary(tag) == "yue" => Some(Self::Traditional),
            _ => None,
        }
    }
}

/// Han characters of a text by the script they belong to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct VariantCounts {
    /// All Han characters.
    pub(super) han: u32,
    /// Characters only Simplified text uses.
    pub(super) simplified: u32,
    /// Characters only Traditional text uses.
    pub(super) traditional: u32,
}

impl VariantCounts {
    /// Counts the Han characters of `text`.
    pub(super) fn of(text: &str) -> Self {
        let table = &*TABLE;
        let mut counts = Self::default();
        for c in text.chars().filter(|c| super::script::is_han(*c)) {
            counts.han += 1;
            match table.variant(c) {
                Some(Variant::Simplified) => counts.simplified += 1,
                Some(Variant::Traditional) => counts.traditional += 1,
                None => {}
            }
        }
        counts
    }

    /// The variant the text alone shows: one side needs at least twice the
    /// telling characters of the other. `None` when no character tells, or
    /// both sides have about as many (quoted names, mixed text).
    pub(super) fn shown(&self) -> Option<Variant> {
        let (s, t) = (self.simplified, self.traditional);
        if s > 0 && s >= 2 * t {
            Some(Variant::Simplified)
        } else if t > 0 && t >= 2 * s {
            Some(Variant::Traditional)
        } else {
            None
        }
    }

    /// Decides the variant, with the declared one as a hint. Returns the
    /// variant and whether the text itself decided it.
    ///
    /// A short text (under [`SHORT_HAN_CHARS`]) keeps the declared variant
    /// unless [`SHORT_OVERRIDE_COUNT`] telling characters all point the
    /// other way. A text that shows nothing takes the declared variant, or
    /// else Simplified: a text in which no character differs reads the
    /// same in both scripts, so Simplified (the majority on the web) is not
    /// wrong about it.
    pub(super) fn decide(&self, declared: Option<Variant>) -> (Variant, bool) {
        match (self.shown(), declared) {
            (Some(shown), Some(declared)) if shown != declared && self.han < SHORT_HAN_CHARS => {
                let (winner, loser) = match shown {
                    Variant::Simplified => (self.simplified, self.traditional),
                    Variant::Traditional => (self.traditional, self.simplified),
                };
                if winner >= SHORT_OVERRIDE_COUNT && loser == 0 {
                    (shown, true)
                } else {
                    (declared, false)
                }
            }
            (Some(shown), _) => (shown, true),
            (None, Some(declared)) => (declared, false),
            (None, None) => (Variant::Simplified, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_loaded_and_disjoint() {
        let hans: Vec<char> = list(include_str!("data/hans_only.txt")).collect();
        let hant: Vec<char> = list(include_str!("data/hant_only.txt")).collect();
        assert!(hans.len() > 3_000 && hant.len() > 3_000);
        assert!(hans.iter().all(|c| !hant.contains(c)));
        let table = &*TABLE;
        // Every listed character, dense or sparse, is found on its side.
        assert!(
            hans.iter()
                .all(|c| table.variant(*c) == Some(Variant::Simplified))
        );
        assert!(
            hant.iter()
                .all(|c| table.variant(*c) == Some(Variant::Traditional))
        );
        assert!(!table.hans_sparse.is_empty() || !table.hant_sparse.is_empty());
        for c in ['们', '国', '发', '这', '说'] {
            assert_eq!(table.variant(c), Some(Variant::Simplified), "{c}");
        }
        for c in ['們', '國', '發', '這', '說'] {
            assert_eq!(table.variant(c), Some(Variant::Traditional), "{c}");
        }
        // Shared by both scripts: neither list may claim them.
        for c in ['台', '后', '里', '吃', '中', '的', 'a', '\u{20000}'] {
            assert_eq!(table.variant(c), None, "{c}");
        }
    }

    #[test]
    fn counts_telling_characters() {
        let counts = VariantCounts::of("我们的国家 abc");
        assert_eq!(
            counts,
            VariantCounts {
                han: 5,
                simplified: 2,
                traditional: 0
            }
        );
        assert_eq!(counts.shown(), Some(Variant::Simplified));
        let counts = VariantCounts::of("我們的國家");
        assert_eq!(counts.shown(), Some(Variant::Traditional));
    }

    #[test]
    fn mixed_evidence_shows_nothing() {
        // One character each way.
        assert_eq!(VariantCounts::of("们們").shown(), None);
        assert_eq!(VariantCounts::of("中文").shown(), None);
    }

    #[test]
    fn short_text_keeps_the_declared_variant() {
        let counts = VariantCounts::of("台北的天氣");
        assert_eq!(
            counts.decide(Some(Variant::Simplified)),
            (Variant::Simplified, false)
        );
        assert_eq!(counts.decide(None), (Variant::Traditional, true));
        // Three telling characters and none against override it.
        let counts = VariantCounts::of("這個國家們");
        assert_eq!(
            counts.decide(Some(Variant::Simplified)),
            (Variant::Traditional, true)
        );
    }

    #[test]
    fn undecided_text_falls_back() {
        let counts = VariantCounts::of("中文");
        assert_eq!(
            counts.decide(Some(Variant::Traditional)),
            (Variant::Traditional, false)
        );
        assert_eq!(counts.decide(None), (Variant::Simplified, false));
    }
}

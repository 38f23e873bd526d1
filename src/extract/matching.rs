//! How the word lists of [`super::vocabulary`] are matched, done once per
//! value and fast: class/id values split into tokens ([`tokens`],
//! [`each_token`], and a byte loop for ASCII values), the clean stage's
//! token lists as one open-addressing hash table ([`TokenMarks`]), the
//! fragment lists as one Aho-Corasick automaton ([`FragmentMarks`]), and
//! the data attributes the pre-scan keeps ([`reads_data_attribute`]).

use super::vocabulary::{
    BOILERPLATE_TOKENS, BYLINE_NAME_FRAGMENTS, CAPTION_BODY_TOKENS, CONSENT_TOKENS, CONTENT_TOKENS,
    DATA_LANG_ATTRS, DATA_MAX_WIDTH, DATA_TESTID, DATE_NAME_FRAGMENTS, DEK_FRAGMENTS,
    DISCLOSURE_TOKENS, EMBED_TOKENS, LAZY_SRC_ATTRS, LAZY_SRCSET_ATTRS, NOT_BYLINE_NAME_FRAGMENTS,
    NOT_DATE_NAME_FRAGMENTS, PAGINATION_FRAGMENTS, PAYWALL_FRAGMENTS, POSTER_NAME_FRAGMENTS,
};

/// Whether a stage reads the `data-*` attribute `name` (lower case): the
/// pre-scan leaves every other data attribute out (they hold the page's
/// script state, often whole JSON documents).
pub fn reads_data_attribute(name: &[u8]) -> bool {
    LAZY_SRC_ATTRS
        .iter()
        .chain(LAZY_SRCSET_ATTRS)
        .chain(DATA_LANG_ATTRS)
        .chain(&[DATA_TESTID, DATA_MAX_WIDTH])
        .any(|a| a.as_bytes().eq_ignore_ascii_case(name))
}

/// The groups of class/id fragments, each a question a stage asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fragments {
    /// [`BYLINE_NAME_FRAGMENTS`].
    BylineName,
    /// [`NOT_BYLINE_NAME_FRAGMENTS`].
    NotBylineName,
    /// [`DATE_NAME_FRAGMENTS`].
    DateName,
    /// [`NOT_DATE_NAME_FRAGMENTS`].
    NotDateName,
    /// [`PAYWALL_FRAGMENTS`].
    Paywall,
    /// [`PAGINATION_FRAGMENTS`].
    Pagination,
    /// [`DEK_FRAGMENTS`].
    Dek,
    /// [`POSTER_NAME_FRAGMENTS`].
    PosterName,
}

impl Fragments {
    /// Every group, in bit order.
    pub const ALL: [Fragments; 8] = [
        Fragments::BylineName,
        Fragments::NotBylineName,
        Fragments::DateName,
        Fragments::NotDateName,
        Fragments::Paywall,
        Fragments::Pagination,
        Fragments::Dek,
        Fragments::PosterName,
    ];

    /// The group's fragments.
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Fragments::BylineName => BYLINE_NAME_FRAGMENTS,
            Fragments::NotBylineName => NOT_BYLINE_NAME_FRAGMENTS,
            Fragments::DateName => DATE_NAME_FRAGMENTS,
            Fragments::NotDateName => NOT_DATE_NAME_FRAGMENTS,
            Fragments::Paywall => PAYWALL_FRAGMENTS,
            Fragments::Pagination => PAGINATION_FRAGMENTS,
            Fragments::Dek => DEK_FRAGMENTS,
            Fragments::PosterName => POSTER_NAME_FRAGMENTS,
        }
    }
}

/// Which [`Fragments`] groups a class or id value holds (ASCII
/// case-insensitive substrings), found for all groups at once by one
/// Aho-Corasick pass when the index is built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FragmentMarks(u8);

impl FragmentMarks {
    /// The groups `value` holds a fragment of.
    pub fn of(value: &str) -> FragmentMarks {
        scan(value).0
    }

    /// Whether the value holds a fragment of `group`.
    pub fn has(self, group: Fragments) -> bool {
        self.0 & (1 << group as u8) != 0
    }

    /// A byline's name: a byline fragment and none of the exclusions.
    pub fn names_byline(self) -> bool {
        self.has(Fragments::BylineName) && !self.has(Fragments::NotBylineName)
    }

    /// A visible date's name: a date fragment and none of the exclusions.
    pub fn names_date(self) -> bool {
        self.has(Fragments::DateName) && !self.has(Fragments::NotDateName)
    }
}

/// Scans a class or id value once for both fragment vocabularies: the
/// index's [`Fragments`] groups and the page-type stage's class groups
/// (bit `g` for group `g` of its class vocabulary,
/// `page_type::CLASS_VOCABULARY`). One automaton holds
/// both lists, so each value is read once rather than once per stage.
pub fn scan(value: &str) -> (FragmentMarks, u32) {
    let automaton = &*FRAGMENTS;
    let (mut bits, mut page) = (0u8, 0u32);
    for found in automaton.searcher.find_overlapping_iter(value) {
        if let Some(&(b, p)) = automaton.bits.get(found.pattern().as_usize()) {
            bits |= b;
            page |= p;
        }
    }
    (FragmentMarks(bits), page)
}

/// The automaton over every group's fragments and the page-type class
/// vocabulary, and each pattern's bits in both.
struct FragmentAutomaton {
    searcher: aho_corasick::AhoCorasick,
    /// Per pattern: its [`Fragments`] group bits and its page-type group bits.
    bits: Vec<(u8, u32)>,
}

static FRAGMENTS: std::sync::LazyLock<FragmentAutomaton> = std::sync::LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut bits: Vec<(u8, u32)> = Vec::new();
    // A fragment in both lists (or twice in one) is one pattern with the
    // bits of each: overlapping search reports every pattern that ends at
    // a position, so the union of bits is what two searches would give.
    let mut add = |word: &'static str, b: u8, p: u32| match patterns
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
    {
        Some(at) => {
            if let Some(slot) = bits.get_mut(at) {
                slot.0 |= b;
                slot.1 |= p;
            }
        }
        None => {
            patterns.push(word);
            bits.push((b, p));
        }
    };
    for group in Fragments::ALL {
        for &word in group.words() {
            add(word, 1u8 << group as u8, 0);
        }
    }
    for &(word, group) in crate::extract::page_type::CLASS_VOCABULARY {
        add(word, 0, 1u32 << group as u8);
    }
    let searcher = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the fragment lists are a valid, small automaton");
    FragmentAutomaton { searcher, bits }
});

/// Splits a class or id value into lower-case tokens (see the module docs).
pub fn tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    let mut parts: Vec<String> = Vec::new();
    let mut buf = TokenBuf::default();
    each_token(value, &mut buf, |t| {
        parts.push(t.to_owned());
        false
    });
    parts.into_iter()
}

/// Whether any token of `value` is in `vocabulary`.
pub fn has_token(value: &str, vocabulary: &[&str]) -> bool {
    let mut buf = TokenBuf::default();
    each_token(value, &mut buf, |t| vocabulary.contains(&t))
}

/// Reusable room for one lower-cased token, so splitting allocates nothing
/// once it has grown to the longest token.
#[derive(Debug, Default)]
pub struct TokenBuf(String);

/// Calls `visit` with each lower-case token of `value` (see the module
/// docs) until it returns true; returns whether it did. (The index splits
/// ASCII values, nearly all of them, with a faster byte loop of its own.)
pub fn each_token(value: &str, buf: &mut TokenBuf, mut visit: impl FnMut(&str) -> bool) -> bool {
    let current = &mut buf.0;
    current.clear();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !current.is_empty() {
                if visit(current) {
                    return true;
                }
                current.clear();
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            current.extend(c.to_lowercase());
        } else {
            if !current.is_empty() {
                if visit(current) {
                    return true;
                }
                current.clear();
            }
            prev_lower = false;
        }
    }
    !current.is_empty() && visit(current)
}

/// Which of the clean stage's vocabularies the tokens of one class or id
/// value fall in, as bits: worked out once per element when the index is
/// built, not once per question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenMarks(u8);

impl TokenMarks {
    /// A token in [`BOILERPLATE_TOKENS`].
    pub const BOILERPLATE: u8 = 1;
    /// A token in [`CAPTION_BODY_TOKENS`].
    pub const CAPTION_BODY: u8 = 2;
    /// A token in [`EMBED_TOKENS`].
    pub const EMBED: u8 = 4;
    /// A token in [`CONTENT_TOKENS`].
    pub const CONTENT: u8 = 8;
    /// A token in [`DISCLOSURE_TOKENS`].
    pub const DISCLOSURE: u8 = 16;
    /// A token in [`CONSENT_TOKENS`].
    pub const CONSENT: u8 = 32;

    /// The marks of `value`'s tokens. A Tailwind CSS class with an
    /// arbitrary value (`pt-[calc(var(--banner-height))]`, `bg-[#fafafa]`)
    /// is styling, not a name: its words are left out.
    pub fn of(value: &str, buf: &mut TokenBuf) -> TokenMarks {
        if value.contains('[') {
            let mut marks = TokenMarks::default();
            for class in value.split_ascii_whitespace().filter(|c| !c.contains('[')) {
                marks.0 |= TokenMarks::of(class, buf).0;
            }
            return marks;
        }
        if !value.is_ascii() {
            return Self::of_class_names(value, buf);
        }
        let marks = Self::of_ascii(value.as_bytes());
        if marks.has(TokenMarks::BOILERPLATE) && mentions_compound(value.as_bytes()) {
            return Self::of_class_names(value, buf);
        }
        marks
    }

    /// The marks of an ASCII value's tokens, each read alone. Tokens are
    /// slices of the value; the table compares them without lower-casing
    /// a copy.
    #[inline]
    fn of_ascii(bytes: &[u8]) -> TokenMarks {
        let mut marks = 0;
        // The tokens after a state word, to the end of its class name,
        // describe the element's state, not what it is: `no_caption`,
        // `has-sidebar`, `with-comments`, `hide-read-more-ad` (a grid
        // that hides its ad slot is not an ad).
        let mut in_state = false;
        let vocabulary = &*VOCABULARY;
        let mut prev_end = 0;
        each_ascii_token(bytes, |start, t| {
            if in_state
                && bytes
                    .get(prev_end..start)
                    .is_some_and(|gap| gap.iter().any(u8::is_ascii_whitespace))
            {
                in_state = false;
            }
            prev_end = start + t.len();
            if !in_state {
                marks |= vocabulary.bits(t);
            }
            in_state |= is_state_word(t);
        });
        TokenMarks(marks)
    }

    /// The marks of `value` read class name by class name with the general
    /// splitter, its compounds ([`COMPOUNDS`]) read as compounds:
    /// `follow-up` does not name boilerplate as `follow` does. The reading
    /// of non-ASCII values, and a second one for the rare ASCII value that
    /// names boilerplate and holds a compound's head; kept out of line.
    #[inline(never)]
    fn of_class_names(value: &str, buf: &mut TokenBuf) -> TokenMarks {
        let mut marks = 0;
        for class in value.split_whitespace() {
            let mut in_state = false;
            // A compound's head and its marks, held until the next token
            // shows whether the compound goes on.
            let mut held: Option<(&[u8], u8)> = None;
            each_token(class, buf, |t| {
                let t = t.as_bytes();
                if let Some((head, bits)) = held.take()
                    && !closes_compound(head, t)
                {
                    marks |= bits;
                }
                if !in_state {
                    match compound_head(t) {
                        Some(head) => held = Some((head, VOCABULARY.bits(t))),
                        None => marks |= VOCABULARY.bits(t),
                    }
                }
                in_state |= is_state_word(t);
                false
            });
            marks |= held.map_or(0, |(_, bits)| bits);
        }
        TokenMarks(marks)
    }

    /// Whether any token is in the vocabulary of `bit`.
    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// Byte classes of ASCII values for [`each_ascii_token`]: 0 separates
/// tokens, 1 is a lower-case letter or digit, 2 an upper-case letter.
#[allow(
    clippy::indexing_slicing,
    reason = "a constant loop over 0..256 filling an array of 256"
)]
static BYTE_CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        classes[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            1
        } else if c.is_ascii_uppercase() {
            2
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// Calls `visit` with each token of an ASCII value, as its offset and a
/// slice of it in its own case (the splitting rules of [`each_token`]).
fn each_ascii_token(value: &[u8], mut visit: impl FnMut(usize, &[u8])) {
    const NONE: usize = usize::MAX;
    let mut start = NONE;
    let mut prev_lower = false;
    for (i, &b) in value.iter().enumerate() {
        match BYTE_CLASSES.get(usize::from(b)).copied().unwrap_or(0) {
            0 => {
                if start != NONE {
                    visit(start, value.get(start..i).unwrap_or_default());
                    start = NONE;
                }
                prev_lower = false;
            }
            1 => {
                if start == NONE {
                    start = i;
                }
                prev_lower = true;
            }
            _ => {
                if start == NONE {
                    start = i;
                } else if prev_lower {
                    visit(start, value.get(start..i).unwrap_or_default());
                    start = i;
                }
                prev_lower = false;
            }
        }
    }
    if start != NONE {
        visit(start, value.get(start..).unwrap_or_default());
    }
}

/// Words that make the tokens after them, to the end of their class name,
/// a state of the element rather than its kind: BuzzFeed's `no_caption`,
/// WordPress themes' `has-sidebar` and `with-featured-image`, a grid's
/// `hide-read-more-ad`.
fn is_state_word(token: &[u8]) -> bool {
    [&b"no"[..], b"has", b"with", b"without", b"hide"]
        .iter()
        .any(|w| token.eq_ignore_ascii_case(w))
}

/// Boilerplate words that, joined to the next word of the same class name,
/// make a compound of another meaning, and that word: `follow-up` (a
/// testimonial slider's `follow-up__item`, a sales page's follow-up
/// section) is no "follow us" button.
const COMPOUNDS: &[(&[u8], &[u8])] = &[(b"follow", b"up")];

/// The head of [`COMPOUNDS`] that `token` is, if any.
fn compound_head(token: &[u8]) -> Option<&'static [u8]> {
    COMPOUNDS
        .iter()
        .find(|(head, _)| token.eq_ignore_ascii_case(head))
        .map(|(head, _)| *head)
}

/// Whether an ASCII value holds the head of one of [`COMPOUNDS`], in any
/// case.
fn mentions_compound(value: &[u8]) -> bool {
    COMPOUNDS.iter().any(|(head, _)| {
        value
            .windows(head.len())
            .any(|w| w.eq_ignore_ascii_case(head))
    })
}

/// Whether `token`, coming just after `head`, closes one of [`COMPOUNDS`].
fn closes_compound(head: &[u8], token: &[u8]) -> bool {
    COMPOUNDS
        .iter()
        .any(|(h, tail)| *h == head && token.eq_ignore_ascii_case(tail))
}

/// The clean stage's vocabularies as an open-addressing hash table of
/// lower-case words and their bits: one hash and usually one compare per
/// token.
struct Vocabulary {
    slots: Vec<Option<(&'static str, u8)>>,
    min_len: usize,
    max_len: usize,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let mut words: Vec<(&'static str, u8)> = Vec::new();
        for (list, bit) in [
            (BOILERPLATE_TOKENS, TokenMarks::BOILERPLATE),
            (CAPTION_BODY_TOKENS, TokenMarks::CAPTION_BODY),
            (EMBED_TOKENS, TokenMarks::EMBED),
            (CONTENT_TOKENS, TokenMarks::CONTENT),
            (DISCLOSURE_TOKENS, TokenMarks::DISCLOSURE),
            (CONSENT_TOKENS, TokenMarks::CONSENT),
        ] {
            for &w in list {
                match words.iter_mut().find(|(v, _)| *v == w) {
                    Some((_, bits)) => *bits |= bit,
                    None => words.push((w, bit)),
                }
            }
        }
        // At most a quarter full: probes stay short.
        let size = (words.len() * 4).next_power_of_two();
        let mut table = Vocabulary {
            slots: vec![None; size],
            min_len: words.iter().map(|(w, _)| w.len()).min().unwrap_or(0),
            max_len: words.iter().map(|(w, _)| w.len()).max().unwrap_or(0),
        };
        for (w, bits) in words {
            let mut at = table.slot(w.as_bytes());
            while table.slots.get(at).is_some_and(Option::is_some) {
                at = (at + 1) & (size - 1);
            }
            if let Some(slot) = table.slots.get_mut(at) {
                *slot = Some((w, bits));
            }
        }
        table
    }

    /// The home slot of a token: FNV-1a over its lower-cased bytes.
    fn slot(&self, token: &[u8]) -> usize {
        let mut hash: u32 = 0x811c_9dc5;
        for &b in token {
            hash = (hash ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
        }
        hash as usize & (self.slots.len() - 1)
    }

    /// The bits of a token in any case; 0 when it is no vocabulary word.
    fn bits(&self, token: &[u8]) -> u8 {
        if token.len() < self.min_len || token.len() > self.max_len {
            return 0;
        }
        let mut at = self.slot(token);
        while let Some(&Some((word, bits))) = self.slots.get(at) {
            if word.as_bytes().eq_ignore_ascii_case(token) {
                return bits;
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
        0
    }
}

static VOCABULARY: std::sync::LazyLock<Vocabulary> = std::sync::LazyLock::new(Vocabulary::new);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_case_and_punctuation() {
        let t: Vec<String> = tokens("relatedArticles post_meta-box").collect();
        assert_eq!(t, ["related", "articles", "post", "meta", "box"]);
    }

    #[test]
    fn whole_tokens_only() {
        assert!(has_token("top-ad", BOILERPLATE_TOKENS));
        assert!(!has_token("header shadow", BOILERPLATE_TOKENS));
        assert!(has_token("articleBody", CONTENT_TOKENS));
    }

    /// Random values built from pieces of the fragments (mixed case, near
    /// misses, non-ASCII) against a naive lower-case `contains`.
    #[test]
    fn fragment_marks_agree_with_substring_search() {
        const PIECES: &[&str] = &[
            "pay",
            "Pay",
            "wall",
            "WALL",
            "-",
            "w",
            "g",
            "G",
            "pa",
            "PAG",
            "ination",
            "er",
            "ing",
            "e-nav",
            "reg",
            "subscriber",
            "s",
            "only",
            "locked",
            "Content",
            "article",
            "premium",
            "piano",
            "offer",
            " ",
            "é",
            "x",
            "by",
            "Line",
            "auth",
            "or",
            "writ",
            "date",
            "Time",
            "up",
            "run",
            "stamp",
            "picker",
            "publish",
            "post",
            "ed",
            "bio",
            "box",
            "img",
            "dek",
            "sub",
            "title",
            "summ",
            "ary",
            "comment",
            "Price",
            "cart",
            "thread",
            "faq",
            "btn",
            "toc",
            "card",
            "topic-",
            "user",
            "name",
            "Username",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut hits = [0usize; Fragments::ALL.len()];
        let mut page_hits = 0usize;
        for _ in 0..20_000 {
            let mut value = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                value.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let marks = FragmentMarks::of(&value);
            let lower = value.to_ascii_lowercase();
            for (g, group) in Fragments::ALL.into_iter().enumerate() {
                let expected = group.words().iter().any(|w| lower.contains(w));
                assert_eq!(marks.has(group), expected, "{group:?} in {value:?}");
                hits[g] += usize::from(expected);
            }
            // The page-type groups from the same scan, against the same
            // naive search over the page-type vocabulary.
            let (_, page) = scan(&value);
            let expected = crate::extract::page_type::CLASS_VOCABULARY
                .iter()
                .filter(|(w, _)| lower.contains(w))
                .fold(0u32, |bits, &(_, g)| bits | 1 << g as u8);
            assert_eq!(page, expected, "page groups of {value:?}");
            page_hits += usize::from(page != 0);
        }
        assert!(page_hits > 1_000, "{page_hits}");
        // The generator reaches every group.
        assert!(hits.iter().all(|&h| h > 50), "{hits:?}");
    }

    #[test]
    fn names_of_bylines_and_dates() {
        assert!(FragmentMarks::of("article__ByLine").names_byline());
        assert!(!FragmentMarks::of("author-avatar").names_byline());
        assert!(FragmentMarks::of("entry-DATE").names_date());
        // "timestamp" holds "times": not a date name (as ever).
        assert!(!FragmentMarks::of("timestamp").names_date());
        assert!(!FragmentMarks::of("last-updated-time").names_date());
    }

    #[test]
    fn ascii_tokens_split_as_the_general_splitter_does() {
        for value in [
            "relatedArticles post_meta-box",
            "ABCdef",
            "aB1cD",
            "x--Y",
            "",
            "9Lives",
        ] {
            let mut ascii = Vec::new();
            each_ascii_token(value.as_bytes(), |_, t| {
                ascii.push(String::from_utf8_lossy(t).to_lowercase())
            });
            let general: Vec<String> = tokens(value).collect();
            assert_eq!(ascii, general, "{value:?}");
        }
    }

    #[test]
    fn non_ascii_values_split_as_ascii_ones() {
        let t: Vec<String> = tokens("ÉtéArticle_ad").collect();
        assert_eq!(t, ["été", "article", "ad"]);
        assert!(has_token("Größe-ad", BOILERPLATE_TOKENS));
    }

    #[test]
    fn marks_name_every_vocabulary_a_value_touches() {
        let mut buf = TokenBuf::default();
        let m = TokenMarks::of("article-body twitter-tweet shareBar", &mut buf);
        assert!(m.has(TokenMarks::CONTENT) && m.has(TokenMarks::EMBED));
        assert!(!m.has(TokenMarks::CAPTION_BODY));
        // "sharebar" is no token: the case change splits it into "share", "bar".
        assert!(m.has(TokenMarks::BOILERPLATE));
        assert_eq!(
            TokenMarks::of("header shadow", &mut buf),
            TokenMarks::default()
        );
        assert!(TokenMarks::of("photoCredit", &mut buf).has(TokenMarks::CAPTION_BODY));
        // State words: the tokens after them, to the end of their class
        // name, are a state, not the kind.
        assert!(!TokenMarks::of("item no_caption", &mut buf).has(TokenMarks::CAPTION_BODY));
        assert!(!TokenMarks::of("has-sidebar", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("no-js sidebar", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(!TokenMarks::of("Größe no-caption", &mut buf).has(TokenMarks::CAPTION_BODY));
        assert!(!TokenMarks::of("grid hide-read-more-ad", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(!TokenMarks::of("Größe hide-read-more-ad", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("hide-x  ad", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("Größe-no ad", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(!TokenMarks::of("credentials", &mut buf).has(TokenMarks::CAPTION_BODY));
        // A compound is not its boilerplate head: `follow-up` is no
        // "follow us" button, but `follow` stays one on its own, before
        // another word or at the end of a class name.
        assert!(!TokenMarks::of("better__follow-up", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(!TokenMarks::of("followUp card", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(!TokenMarks::of("Größe follow-up", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("follow-us", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("btn-follow up", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("Größe-follow up", &mut buf).has(TokenMarks::BOILERPLATE));
        assert!(TokenMarks::of("card-follow", &mut buf).has(TokenMarks::BOILERPLATE));
        // Tailwind arbitrary values are styling: their words name nothing.
        let tw = TokenMarks::of(
            "stack lg:pt-[calc(var(--banner-min-height))] main",
            &mut buf,
        );
        assert!(!tw.has(TokenMarks::BOILERPLATE) && tw.has(TokenMarks::CONTENT));
        // Non-ASCII values take the general splitter, to the same marks.
        assert_eq!(
            TokenMarks::of("Größe-ad articleBody", &mut buf),
            TokenMarks::of("grosse-ad articleBody", &mut buf)
        );
        for &w in BOILERPLATE_TOKENS.iter().chain(CONTENT_TOKENS) {
            let upper = w.to_ascii_uppercase();
            assert_eq!(
                TokenMarks::of(&upper, &mut buf),
                TokenMarks::of(w, &mut buf),
                "{w}"
            );
        }
        for &w in BOILERPLATE_TOKENS {
            assert!(
                TokenMarks::of(w, &mut buf).has(TokenMarks::BOILERPLATE),
                "{w}"
            );
        }
    }
}

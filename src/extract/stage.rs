//! [`Stage`]: the stages of the pipeline, their order and their names; and
//! [`StageObserver`], through which a caller watches them run.
//!
//! The library never reads the clock: a caller that wants stage times (the
//! server's metrics, a bench) passes an observer to
//! [`extract_observed`](super::extract_observed) and times each stage's
//! closure itself.

/// One stage of the pipeline. [`Stage::ALL`] lists them in the order they
/// run; each runs at most once per extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Bytes to UTF-8 ([`decode`](super::decode)).
    Decode,
    /// The snapshot prelude split off the text ([`snapshot`](super::snapshot)).
    Snapshot,
    /// The pre-scan and the one html5ever parse, then the base URL
    /// ([`prescan`](super::prescan), [`parse`](super::parse)).
    Parse,
    /// The flat index of the document every later stage walks
    /// ([`dom`](super::dom)).
    Dom,
    /// Title, authors, dates and the other document-level fields
    /// ([`metadata`](super::metadata)).
    Metadata,
    /// The kind of page ([`page_type`](super::page_type)).
    PageType,
    /// The main-content root and the boilerplate ([`clean`](super::clean)).
    Clean,
    /// The section tree, figures and related links
    /// ([`outline`](super::outline)).
    Outline,
    /// The language of the extracted text ([`language`](super::language)).
    Language,
    /// Document flags: article or not, paywall, alternates, next page
    /// ([`flags`](super::flags)).
    Flags,
    /// The stage outputs merged into the article
    /// ([`assemble`](super::assemble)).
    Assemble,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Self; 11] = [
        Self::Decode,
        Self::Snapshot,
        Self::Parse,
        Self::Dom,
        Self::Metadata,
        Self::PageType,
        Self::Clean,
        Self::Outline,
        Self::Language,
        Self::Flags,
        Self::Assemble,
    ];

    /// The stage's name, as metrics label it (`stage="parse"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Decode => "decode",
            Self::Snapshot => "snapshot",
            Self::Parse => "parse",
            Self::Dom => "dom",
            Self::Metadata => "metadata",
            Self::PageType => "page_type",
            Self::Clean => "clean",
            Self::Outline => "outline",
            Self::Language => "language",
            Self::Flags => "flags",
            Self::Assemble => "assemble",
        }
    }

    /// The stage's place in [`Stage::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Watches the stages of one extraction. The pipeline hands each stage's
/// work to [`StageObserver::stage`] as a closure, in the order of
/// [`Stage::ALL`]; the stages after a failure are not run.
pub trait StageObserver {
    /// Runs `run`, the work of `stage`, and returns what it returns (an
    /// observer may do anything around it, e.g. read a clock).
    fn stage<T>(&mut self, stage: Stage, run: impl FnOnce() -> T) -> T;
}

/// The observer that watches nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unobserved;

impl StageObserver for Unobserved {
    fn stage<T>(&mut self, _stage: Stage, run: impl FnOnce() -> T) -> T {
        run()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_are_listed_in_order_under_distinct_names() {
        for (i, stage) in Stage::ALL.iter().enumerate() {
            assert_eq!(stage.index(), i);
        }
        let mut names: Vec<_> = Stage::ALL.iter().map(|s| s.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Stage::ALL.len());
    }
}

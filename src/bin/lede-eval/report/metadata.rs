//! The metadata sections: the WCXB snippet rates, title, author and date
//! checks and per-page-type figures (with the page-type confusion and the
//! metadata sources, from `page_types.rs` and `provenance.rs`), and the
//! Readability real pages' title and byline checks.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::Summary;
use super::page::PageScore;
use crate::dataset::Page;
use crate::metric;

/// Matches over the pages where the truth has a value.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Rate {
    /// Pages whose value matched.
    pub(super) matched: usize,
    /// Pages checked.
    pub(super) pages: usize,
}

impl Rate {
    /// Counts the matches among the checked pages (`None`: not checked).
    pub(super) fn new(values: impl Iterator<Item = Option<bool>>) -> Self {
        values.flatten().fold(Self::default(), |r, m| Self {
            matched: r.matched + usize::from(m),
            pages: r.pages + 1,
        })
    }

    /// The share matched; 0 for no page.
    pub(super) fn value(self) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            self.matched as f64 / self.pages as f64
        }
    }

    fn to_json(self) -> Value {
        json!({"rate": self.value(), "matched": self.matched, "pages": self.pages})
    }

    /// One report line: `name 12.3% (4 of 5)`.
    fn render(self, out: &mut String, name: &str) {
        say!(
            out,
            "{name} {:.1}% ({} of {})",
            100.0 * self.value(),
            self.matched,
            self.pages
        );
    }
}

/// A mean over all pages and over the pages whose phrase list is non-empty.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SnippetRate {
    all: f64,
    listed: f64,
    listed_pages: usize,
}

impl SnippetRate {
    /// The mean of `rate` over all pages and over those `listed` holds.
    pub(super) fn new(
        pages: &[Page],
        scores: &[PageScore],
        rate: fn(&PageScore) -> f64,
        listed: fn(&Page) -> bool,
    ) -> Self {
        let listed_scores: Vec<f64> = pages
            .iter()
            .zip(scores)
            .filter(|(p, _)| listed(p))
            .map(|(_, s)| rate(s))
            .collect();
        Self {
            all: metric::mean(scores.iter().map(rate)),
            listed: metric::mean(listed_scores.iter().copied()),
            listed_pages: listed_scores.len(),
        }
    }

    fn to_json(self) -> Value {
        json!({"all": self.all, "listed": self.listed, "listed_pages": self.listed_pages})
    }

    /// One report line: `name 12.3% (pages with snippets: 45.6% of 7)`.
    fn render(self, out: &mut String, name: &str) {
        say!(
            out,
            "{name} {:.1}% (pages with snippets: {:.1}% of {})",
            100.0 * self.all,
            100.0 * self.listed,
            self.listed_pages
        );
    }
}

/// Readability, real pages: title (site affix tolerated), byline where the
/// gold names someone, no byline where it names nobody.
pub(super) fn readability_rates(pages: &[Page], scores: &[PageScore]) -> [Rate; 3] {
    let real: Vec<(&Page, &PageScore)> = pages
        .iter()
        .zip(scores)
        .filter(|(p, _)| p.kind.as_deref() == Some("page"))
        .collect();
    let named = |want: bool| {
        Rate::new(
            real.iter()
                .filter(|(p, _)| p.author.is_some() == want)
                .map(|(_, s)| s.author),
        )
    };
    [
        Rate::new(real.iter().map(|(_, s)| s.title)),
        named(true),
        named(false),
    ]
}

impl Summary {
    /// The Readability real pages' title and byline lines.
    pub(super) fn render_readability_meta(&self, out: &mut String) {
        if let Some([title, named, nobody]) = self.readability_meta {
            title.render(out, "real pages: title (site affix tolerated)");
            named.render(out, "real pages: byline where one is named");
            nobody.render(out, "real pages: no byline where none is named");
        }
    }

    /// The WCXB lines: snippets, metadata checks, figures per page type,
    /// the page-type confusion and the metadata sources.
    pub(super) fn render_wcxb(&self, out: &mut String) {
        self.with.render(out, "with-snippets found");
        self.without.render(out, "without-snippets leaked");
        self.title.render(out, "title exact");
        self.author.render(out, "author overlap");
        self.date.render(out, "date same day");
        say!(
            out,
            "{:<15} {:>5} {:>7} {:>9} {:>7}",
            "page type",
            "pages",
            "F1",
            "precision",
            "recall"
        );
        for (t, f) in &self.types {
            say!(
                out,
                "{t:<15} {:>5} {:>7.4} {:>9.4} {:>7.4}",
                f.pages,
                f.f1,
                f.precision,
                f.recall
            );
        }
        if let Some(c) = &self.page_types {
            out.push_str(&c.render());
        }
        if let Some(p) = &self.provenance {
            out.push_str(&p.render());
        }
    }

    /// The WCXB fields of the JSON report.
    pub(super) fn wcxb_json(&self, fields: &mut serde_json::Map<String, Value>) {
        fields.insert("with_snippets".into(), self.with.to_json());
        fields.insert("without_snippets".into(), self.without.to_json());
        fields.insert("title".into(), self.title.to_json());
        fields.insert("author".into(), self.author.to_json());
        fields.insert("date".into(), self.date.to_json());
        let types: serde_json::Map<String, Value> = self
            .types
            .iter()
            .map(|(t, f)| {
                (
                    t.clone(),
                    json!({"pages": f.pages, "f1": f.f1, "precision": f.precision, "recall": f.recall}),
                )
            })
            .collect();
        fields.insert("page_types".into(), Value::Object(types));
        if let Some(c) = &self.page_types {
            fields.insert("page_type_classifier".into(), c.to_json());
        }
        if let Some(p) = &self.provenance {
            fields.insert("provenance".into(), p.to_json());
        }
    }
}

//! One page's scores: body text by the benchmark's metric, the WCXB
//! snippets and metadata checks, the Readability title, byline and
//! structure matches.

use crate::Prediction;
use crate::dataset::{Format, Page};
use crate::metric::{self, BagScore, ShingleCounts};
use crate::structure::PageMatches;

/// The scores of one page.
#[derive(Debug, Clone, Default)]
pub(super) struct PageScore {
    /// The page's F1 (AEB: from its own precision and recall, for ranking).
    pub(super) f1: f64,
    /// `None` where the metric leaves the page out of the mean.
    pub(super) precision: Option<f64>,
    /// `None` where the metric leaves the page out of the mean.
    pub(super) recall: Option<f64>,
    /// AEB: counts and token-list equality.
    pub(super) aeb: Option<(ShingleCounts, bool)>,
    /// WCXB: share of `with` phrases found (1.0 for none).
    pub(super) with: f64,
    /// WCXB: share of `without` phrases found (1.0 for none).
    pub(super) without: f64,
    /// WCXB: title, author and date matched, where the truth has one.
    pub(super) title: Option<bool>,
    pub(super) author: Option<bool>,
    pub(super) date: Option<bool>,
    /// Readability: headings, images and captions.
    pub(super) structure: Option<PageMatches>,
}

impl PageScore {
    /// Scores one page against its truth, by the benchmark's metric.
    pub(super) fn new(format: Format, page: &Page, pred: &Prediction) -> Self {
        match format {
            Format::Aeb | Format::Readability => {
                let counts = ShingleCounts::new(&page.text, &pred.text);
                Self {
                    f1: counts.f1(),
                    precision: counts.precision(),
                    recall: counts.recall(),
                    aeb: Some((counts, metric::same_tokens(&page.text, &pred.text))),
                    structure: page
                        .structure
                        .as_ref()
                        .map(|truth| PageMatches::new(truth, &pred.structure)),
                    title: (format == Format::Readability)
                        .then_some(page.title.as_deref())
                        .flatten()
                        .map(|t| {
                            pred.title
                                .as_deref()
                                .is_some_and(|p| metric::title_affix_tolerated(t, p))
                        }),
                    author: (format == Format::Readability).then(|| {
                        metric::byline_matches(page.author.as_deref(), pred.author.as_deref())
                    }),
                    ..Self::default()
                }
            }
            Format::Wcxb => {
                let bag = BagScore::new(&page.text, &pred.text);
                let pred_lower = metric::lower(&pred.text);
                let check =
                    |truth: &Option<String>, pred: &Option<String>, f: fn(&str, &str) -> bool| {
                        truth
                            .as_deref()
                            .map(|t| pred.as_deref().is_some_and(|p| f(t, p)))
                    };
                Self {
                    f1: bag.f1,
                    precision: Some(bag.precision),
                    recall: Some(bag.recall),
                    aeb: None,
                    with: metric::snippet_rate(&page.with, &pred_lower),
                    without: metric::snippet_rate(&page.without, &pred_lower),
                    title: check(&page.title, &pred.title, metric::title_matches),
                    author: check(&page.author, &pred.author, metric::author_matches),
                    date: check(&page.date, &pred.date, metric::date_matches),
                    structure: None,
                }
            }
        }
    }
}

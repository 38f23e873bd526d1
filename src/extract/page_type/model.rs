//! The linear model: standardised features, one weighted sum per class, a
//! softmax; and each feature's share of a decision, to explain it.

use super::weights;
use super::{CLASSES, F, FEATURE_NAMES, Features, PageTypeGuess};

/// The model's decision over `features`.
pub fn decide(features: &Features) -> PageTypeGuess {
    let no_evidence =
        features.get(F::text_total) == 0.0 && DECLARED.iter().all(|&f| features.get(f) == 0.0);
    if no_evidence {
        return PageTypeGuess::default();
    }
    let mut logits = weights::BIAS;
    for (k, &x) in features.0.iter().enumerate() {
        let (Some(row), Some(&mean), Some(&scale)) = (
            weights::WEIGHTS.get(k),
            weights::MEAN.get(k),
            weights::SCALE.get(k),
        ) else {
            continue;
        };
        let standard = (x - mean) / scale;
        for (logit, &w) in logits.iter_mut().zip(row) {
            *logit += w * standard;
        }
    }
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut scores = [0.0f32; CLASSES.len()];
    let mut sum = 0.0;
    for (s, &z) in scores.iter_mut().zip(&logits) {
        *s = (z - max).exp();
        sum += *s;
    }
    for s in &mut scores {
        *s /= sum.max(f32::MIN_POSITIVE);
    }
    let (best, &confidence) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap_or((0, &0.0));
    PageTypeGuess {
        page_type: CLASSES.get(best).copied().unwrap_or_default(),
        confidence,
        scores,
    }
}

/// Features that say what the page declares itself to be.
const DECLARED: [F; 13] = [
    F::ld_article,
    F::ld_tech,
    F::ld_product,
    F::ld_collection,
    F::ld_forum,
    F::ld_question,
    F::ld_faq,
    F::ld_service,
    F::ld_howto,
    F::ld_rating,
    F::og_article,
    F::og_product,
    F::og_website,
];

/// One feature's part in a decision: how far it moved the chosen class's
/// log-odds against the mean of the other classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// The feature's name (one of [`FEATURE_NAMES`]).
    pub feature: &'static str,
    /// Its value on the page.
    pub value: f32,
    /// Log-odds it added to the chosen class over the others' mean
    /// (negative: it argued against the choice).
    pub weight: f32,
}

/// The `top` features that weighed most, either way, in the decision
/// `decide` makes over `features`, largest first: the reason a page got its
/// type, in the model's own terms.
pub fn explain(features: &Features, top: usize) -> Vec<Contribution> {
    let guess = decide(features);
    let Some(chosen) = CLASSES.iter().position(|&c| c == guess.page_type) else {
        return Vec::new();
    };
    let others = (CLASSES.len() - 1) as f32;
    let mut out: Vec<Contribution> = features
        .0
        .iter()
        .enumerate()
        .filter_map(|(k, &x)| {
            let row = weights::WEIGHTS.get(k)?;
            let standard = (x - weights::MEAN.get(k)?) / weights::SCALE.get(k)?;
            let mine = row.get(chosen)? * standard;
            let rest = (row.iter().sum::<f32>() * standard - mine) / others;
            Some(Contribution {
                feature: FEATURE_NAMES.get(k)?,
                value: x,
                weight: mine - rest,
            })
        })
        .collect();
    out.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    out.truncate(top);
    out
}

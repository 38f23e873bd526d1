//! Why text was left out of the body: a diagnostic run of the pipeline
//! that tells, for every run of the page's text, whether the main-content
//! stage kept it and, if not, the element and the rule that removed it.
//!
//! This is for people tuning the heuristics (`lede-eval --explain`), not
//! for extraction: [`explain`] runs the stages again on its own, with
//! nothing recorded on the extraction path, so [`extract`](super::extract)
//! costs the same with or without it. The rules are read back from the
//! same evidence clean uses (the index's marks, the vocabulary, the
//! content's statistics), so an explanation names the rule as clean
//! applies it.

// Node ids index the flat DOM index and the vectors sized to it: the index
// numbers its nodes 0..len in document order and stores in-range parents
// and subtree ends, so every id read from it is in range. String slicing
// stays denied here.
#![allow(
    clippy::indexing_slicing,
    reason = "node ids come from the flat index, which keeps them in range"
)]

use std::fmt;

use url::Url;

use crate::article::{BodyFallback, PageType};
use crate::extract::clean::{Content, is_boilerplate_tag};
use crate::extract::dom::{Dom, NO_PARENT, Tag};
use crate::extract::error::ExtractError;
use crate::extract::matching::{TokenBuf, each_token};
use crate::extract::options::Options;
use crate::extract::outline::{
    LINK_CLUSTER_DENSITY, MAX_BOILERPLATE_BLOCK, opens_with_boilerplate,
};
use crate::extract::vocabulary::{BOILERPLATE_TOKENS, CAPTION_BODY_TOKENS};
use crate::extract::{
    Input, clean, decode, dom, fallback, metadata, outline, page_type, parse, profile, snapshot,
};

/// Levels of an element's path shown (the innermost ones).
const PATH_LEVELS: usize = 4;
/// Classes shown per element of a path.
const PATH_CLASSES: usize = 2;

/// What happened to the page's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Explanation {
    /// The page type the classifier chose (it picks clean's profile).
    pub page_type: PageType,
    /// The content roots clean chose, as element paths.
    pub roots: Vec<String>,
    /// Whether the body came from structured data instead.
    pub body_fallback: BodyFallback,
    /// The page's text in document order, in runs sharing one fate.
    pub segments: Vec<Segment>,
}

/// A run of text that shares one element and one fate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, whitespace-normalised.
    pub text: String,
    /// The element that decided, as a path (`div#main.post > aside.share`):
    /// the removed subtree's root, else the nearest block around the text.
    pub element: String,
    /// What happened to it.
    pub rule: Rule,
}

/// What happened to a run of text, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Inside the content and not removed by clean (the outline may still
    /// leave it out, as a title, byline or header date).
    Kept,
    /// Inside the content, in a list or container that is mostly links: the
    /// outline keeps its links as related links, not as body text.
    LinkCluster,
    /// Inside the content, a short block opening with a boilerplate phrase
    /// ("Read more", "Follow us"), which the outline drops.
    BoilerplatePhrase,
    /// Outside every content root clean chose.
    OutsideContent,
    /// In an element that never holds body text (`script`, `noscript`, ...).
    NeverText(String),
    /// Hidden from readers (`hidden`, `aria-hidden`, `display:none`).
    Hidden,
    /// In a navigation-like element (`nav`, `aside`, `footer`, `form`, ...).
    BoilerplateElement(String),
    /// Under a boilerplate ARIA role (`navigation`, `banner`, ...).
    BoilerplateRole(String),
    /// Under an element whose class or id holds a boilerplate token.
    BoilerplateToken {
        /// `class` or `id`.
        attribute: &'static str,
        /// The token, lower-case.
        token: String,
    },
    /// Removed by clean for a reason not read back here (a profile rule).
    Excluded,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Kept => f.write_str("kept by clean (the outline left it out)"),
            Rule::LinkCluster => f.write_str("link cluster (kept as related links)"),
            Rule::BoilerplatePhrase => f.write_str("opens with a boilerplate phrase"),
            Rule::OutsideContent => f.write_str("outside the chosen content roots"),
            Rule::NeverText(tag) => write!(f, "never-text element <{tag}>"),
            Rule::Hidden => f.write_str("hidden"),
            Rule::BoilerplateElement(tag) => write!(f, "boilerplate element <{tag}>"),
            Rule::BoilerplateRole(role) => write!(f, "boilerplate role {role:?}"),
            Rule::BoilerplateToken { attribute, token } => {
                write!(f, "boilerplate {attribute} token {token:?}")
            }
            Rule::Excluded => f.write_str("excluded by clean"),
        }
    }
}

/// Runs the pipeline on `input` up to the outline and the fallback, and
/// explains the fate of each run of its text.
///
/// # Errors
///
/// As [`extract`](super::extract): bad input and exceeded limits.
pub fn explain(input: &Input<'_>, options: &Options) -> Result<Explanation, ExtractError> {
    let decoded = decode::to_utf8(input.html, input.content_type, options)?;
    let (prelude, html) = snapshot::split(&decoded.text);
    let (doc, scripts) = parse::document_with_scripts(html, options)?;
    let page_url = input
        .url
        .filter(|u| !u.is_empty())
        .or_else(|| prelude.as_ref().and_then(|p| p.url.as_deref()))
        .and_then(|u| Url::parse(u).ok());
    let base = parse::base_url(&doc, page_url.as_ref());
    let dom = dom::Dom::build(&doc);
    let hints = metadata::Hints {
        page_url: page_url.as_ref(),
        prelude: prelude.as_ref(),
        now: options.now,
    };
    let meta = metadata::collect_indexed(&doc, &dom, &hints, base.as_ref());
    let guess = page_type::classify(&dom, &meta, page_url.as_ref());
    let content = clean::find_content_with(&dom, &profile::for_guess(&guess));
    let mut body = outline::build(&dom, &content, base.as_ref(), meta.title());
    let outcome = fallback::apply(
        &mut body,
        &fallback::Sources {
            dom: &dom,
            structured: meta.structured_text.as_ref(),
            html,
            scripts: &scripts,
        },
    );
    Ok(Explanation {
        page_type: guess.page_type,
        roots: content.roots.iter().map(|&r| path(&dom, r)).collect(),
        body_fallback: outcome.body_fallback,
        segments: segments(&dom, &content),
    })
}

/// The page's text nodes in order, grouped into runs of one element and
/// one rule.
fn segments(dom: &Dom<'_>, content: &Content) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last: Option<(usize, Rule)> = None;
    for i in 0..dom.nodes.len() {
        let Some(text) = dom.text(i).map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        let (element, rule) = fate(dom, content, i);
        let same = last.as_ref() == Some(&(element, rule.clone()));
        match out.last_mut() {
            Some(segment) if same => {
                segment.text.push(' ');
                crate::extract::text::push_normalized(&mut segment.text, text);
            }
            _ => {
                out.push(Segment {
                    text: crate::extract::text::normalize_whitespace(text),
                    element: path(dom, element),
                    rule: rule.clone(),
                });
                last = Some((element, rule));
            }
        }
    }
    out
}

/// The element that decided the fate of text node `i`, and the rule.
fn fate(dom: &Dom<'_>, content: &Content, i: usize) -> (usize, Rule) {
    // The outermost removed ancestor removed the text.
    let removed = dom.ancestors(i).filter(|&a| content.excluded[a]).last();
    if let Some(a) = removed {
        return (a, why_excluded(dom, a));
    }
    let parent = dom.nodes[i].parent;
    let holder = if parent == NO_PARENT {
        i
    } else {
        parent as usize
    };
    let block = dom
        .ancestors(i)
        .find(|&a| dom.nodes[a].tag.is_block())
        .unwrap_or(holder);
    let Some(&root) = content.roots.iter().find(|&&r| dom.contains(r, i)) else {
        return (block, Rule::OutsideContent);
    };
    let cluster = dom
        .ancestors(i)
        .take_while(|&a| a != root && dom.contains(root, a))
        .chain(std::iter::once(root))
        .find(|&a| is_link_cluster(dom, content, a));
    if let Some(a) = cluster {
        return (a, Rule::LinkCluster);
    }
    let mut text = String::new();
    for t in block..dom.nodes[block].end as usize {
        if let Some(s) = dom.text(t) {
            text.push_str(s);
        }
    }
    if dom::measure(&text).0 <= MAX_BOILERPLATE_BLOCK && opens_with_boilerplate(&text) {
        return (block, Rule::BoilerplatePhrase);
    }
    (block, Rule::Kept)
}

/// The outline's link-cluster test.
fn is_link_cluster(dom: &Dom<'_>, content: &Content, i: usize) -> bool {
    let stats = &content.stats[i];
    matches!(
        dom.nodes[i].tag,
        Tag::Ul | Tag::Ol | Tag::Div | Tag::Section | Tag::Nav | Tag::Table
    ) && stats.text > 0
        && stats.paragraphs == 0
        && content.link_density(i) > LINK_CLUSTER_DENSITY
}

/// Why clean removed element `i`, read back from its evidence.
fn why_excluded(dom: &Dom<'_>, i: usize) -> Rule {
    let entry = &dom.nodes[i];
    let name = dom
        .element(i)
        .map(|el| el.name().to_owned())
        .unwrap_or_default();
    if entry.tag.is_never_text() {
        return Rule::NeverText(name);
    }
    if entry.marks.hidden {
        return Rule::Hidden;
    }
    if is_boilerplate_tag(entry.tag) {
        return Rule::BoilerplateElement(name);
    }
    if entry.marks.boilerplate_role {
        return Rule::BoilerplateRole(dom.attr(i, "role").unwrap_or_default().to_owned());
    }
    let mut buf = TokenBuf::default();
    for attribute in ["class", "id"] {
        let Some(value) = dom.attr(i, attribute) else {
            continue;
        };
        let mut found = None;
        each_token(value, &mut buf, |t| {
            let hit = BOILERPLATE_TOKENS.contains(&t) || CAPTION_BODY_TOKENS.contains(&t);
            if hit {
                found = Some(t.to_owned());
            }
            hit
        });
        if let Some(token) = found {
            return Rule::BoilerplateToken { attribute, token };
        }
    }
    Rule::Excluded
}

/// The path of element `i` (its innermost [`PATH_LEVELS`] levels): tag,
/// `#id` and the first classes of each.
fn path(dom: &Dom<'_>, i: usize) -> String {
    let mut levels: Vec<String> = std::iter::once(i)
        .chain(dom.ancestors(i))
        .filter(|&a| dom.nodes[a].is_element)
        .take_while(|&a| !matches!(dom.nodes[a].tag, Tag::Html))
        .take(PATH_LEVELS)
        .map(|a| step(dom, a))
        .collect();
    let deeper = dom
        .ancestors(i)
        .filter(|&a| dom.nodes[a].is_element && dom.nodes[a].tag != Tag::Html)
        .count()
        + 1
        > PATH_LEVELS;
    levels.reverse();
    let joined = levels.join(" > ");
    if deeper {
        format!("… > {joined}")
    } else {
        joined
    }
}

/// One element of a path: `div#main.post.wide`.
fn step(dom: &Dom<'_>, i: usize) -> String {
    let mut out = dom
        .element(i)
        .map(|el| el.name().to_owned())
        .unwrap_or_default();
    if let Some(id) = dom.attr(i, "id").filter(|v| !v.trim().is_empty()) {
        out.push('#');
        out.push_str(id.trim());
    }
    for class in dom
        .attr(i, "class")
        .unwrap_or_default()
        .split_ascii_whitespace()
        .take(PATH_CLASSES)
    {
        out.push('.');
        out.push_str(class);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(html: &str) -> Explanation {
        explain(
            &Input {
                html: html.as_bytes(),
                ..Input::default()
            },
            &Options::default(),
        )
        .expect("the page extracts")
    }

    fn rule_of<'e>(e: &'e Explanation, words: &str) -> (&'e str, &'e Rule) {
        let s = e
            .segments
            .iter()
            .find(|s| s.text.contains(words))
            .unwrap_or_else(|| panic!("no segment holds {words:?}: {e:#?}"));
        (s.element.as_str(), &s.rule)
    }

    #[test]
    fn each_run_of_text_names_its_element_and_rule() {
        let para = "A paragraph long enough, with commas, to be scored as the body of the \
            article, which goes on for a while about nothing much at all.";
        let html = format!(
            "<html><body><header><a href=/>Site</a></header><div id=main class='post wide'>\
             <article><h1>T</h1><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p>\
             <p>{para}</p><p>{para} Again.</p>\
             <div class=share-bar>Share this</div>\
             <p hidden>Secret words</p>\
             <ul><li><a href=/a>One story link here</a></li><li><a href=/b>Two story link here</a></li></ul>\
             </article></div><aside>Sidebar words</aside>\
             <div class=outside-stuff>Words outside the content</div></body></html>"
        );
        let e = explained(&html);
        assert_eq!(e.roots, ["body > div#main.post.wide"]);
        assert_eq!(
            rule_of(&e, "Again."),
            ("body > div#main.post.wide > article > p", &Rule::Kept)
        );
        assert_eq!(
            rule_of(&e, "Share this"),
            (
                "body > div#main.post.wide > article > div.share-bar",
                &Rule::BoilerplateToken {
                    attribute: "class",
                    token: "share".to_owned()
                }
            )
        );
        assert_eq!(rule_of(&e, "Secret").1, &Rule::Hidden);
        assert_eq!(rule_of(&e, "One story").1, &Rule::LinkCluster);
        assert_eq!(
            rule_of(&e, "Sidebar"),
            (
                "body > aside",
                &Rule::BoilerplateElement("aside".to_owned())
            )
        );
        assert_eq!(
            rule_of(&e, "Words outside"),
            ("body > div.outside-stuff", &Rule::OutsideContent)
        );
    }
}

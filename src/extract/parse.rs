//! Text to a `scraper::Html` document, with the depth, element, text-node
//! and attribute limits enforced, and the document's base URL.

use std::ops::Range;

use scraper::{Html, Node};
use url::Url;

use crate::extract::error::{ErrorKind, ExtractError};
use crate::extract::options::Options;

/// Parses `html` into a document.
///
/// # Errors
///
/// [`ErrorKind::TooManyElements`] when the document holds more than
/// `options.max_elements` elements.
pub fn document(html: &str, options: &Options) -> Result<Html, ExtractError> {
    document_with_scripts(html, options).map(|(doc, _)| doc)
}

/// [`document`], with the byte ranges of `html` that hold sizeable script
/// bodies ([`Prescanned::scripts`](crate::extract::prescan::Prescanned::scripts)),
/// which the parse did not see.
///
/// # Errors
///
/// As [`document`].
pub fn document_with_scripts(
    html: &str,
    options: &Options,
) -> Result<(Html, Vec<Range<usize>>), ExtractError> {
    // Every element but a few implied ones comes from a start tag: the
    // pre-scan counts them in one linear pass, so a million siblings are
    // refused in milliseconds, not after the seconds html5ever takes to
    // build them. It also bounds the nesting and leaves out the bytes no
    // stage reads (script and style bodies, comments, SVG content).
    let scanned = crate::extract::prescan::prescan(html, options.max_depth);
    if scanned.start_tags > options.max_elements {
        return Err(too_many_elements(scanned.start_tags, "start tags", options));
    }
    let crate::extract::prescan::Prescanned {
        html: text,
        scripts,
        ..
    } = scanned;
    let mut doc = Html::parse_document(&text);
    drop(text);
    bound_lengths(&mut doc, options);
    // The tree is a flat arena: counting is a linear scan, not a walk. The
    // same scan notes whether any `<template>` may hold a streamed part.
    let (mut elements, mut templates) = (0, false);
    for node in doc.tree.values() {
        if let Node::Element(el) = node {
            elements += 1;
            templates |= el.name() == "template";
        }
    }
    if elements > options.max_elements {
        return Err(too_many_elements(elements, "elements", options));
    }
    if templates {
        crate::extract::streaming::resolve(&mut doc);
    }
    Ok((doc, scripts))
}

fn too_many_elements(found: usize, what: &str, options: &Options) -> ExtractError {
    ExtractError::new(
        ErrorKind::TooManyElements,
        format!(
            "too many elements (found {found} {what}, maximum {})",
            options.max_elements
        ),
    )
}

/// Cuts text nodes longer than `options.max_text_node_bytes` (at a
/// character boundary) and drops attribute values longer than
/// `options.max_attribute_bytes`, in one scan of the node arena.
fn bound_lengths(doc: &mut Html, options: &Options) {
    for node in doc.tree.values_mut() {
        match node {
            Node::Text(text) if text.text.len() > options.max_text_node_bytes => {
                let cut = floor_char_boundary(&text.text, options.max_text_node_bytes);
                tracing::debug!(bytes = text.text.len(), cut, "text node cut");
                text.text = text.text.get(..cut).unwrap_or_default().into();
            }
            Node::Element(el) => {
                el.attrs
                    .retain(|(_, value)| value.len() <= options.max_attribute_bytes);
            }
            _ => {}
        }
    }
}

/// The largest character boundary of `text` at or before `index`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The base for relative URLs: `<base href>` resolved against the page URL,
/// else the page URL.
pub fn base_url(doc: &Html, page_url: Option<&Url>) -> Option<Url> {
    let base_href = doc.tree.values().find_map(|node| match node {
        Node::Element(el) if el.name() == "base" => el.attr("href"),
        _ => None,
    });
    match (base_href, page_url) {
        (Some(href), Some(page)) => page.join(href).ok().or_else(|| Some(page.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enforces_the_element_limit() {
        let options = Options {
            max_elements: 10,
            ..Options::default()
        };
        let html = "<p>x</p>".repeat(20);
        let err = document(&html, &options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooManyElements);
        assert!(err.message().contains("start tags"), "{err}");
        // Implied elements (html, head, body, tbody) are counted after the
        // parse.
        let html = "<table><tr><td>x".repeat(3);
        let err = document(&html, &options).unwrap_err();
        assert!(err.message().contains(" elements, maximum 10)"), "{err}");
    }

    #[test]
    fn cuts_long_text_nodes_and_drops_long_attributes() {
        let options = Options {
            max_text_node_bytes: 10,
            max_attribute_bytes: 8,
            ..Options::default()
        };
        let html = format!(
            "<p title=\"{}\" lang=en>{}</p>",
            "t".repeat(9),
            "é".repeat(20)
        );
        let doc = document(&html, &options).unwrap();
        let p = doc
            .tree
            .values()
            .find_map(|n| n.as_element().filter(|el| el.name() == "p"))
            .unwrap();
        assert_eq!(p.attr("title"), None);
        assert_eq!(p.attr("lang"), Some("en"));
        let text: String = doc
            .tree
            .values()
            .filter_map(|n| n.as_text().map(|t| t.text.to_string()))
            .collect();
        assert_eq!(text, "ééééé");
    }

    #[test]
    fn base_href_resolves_against_the_page() {
        let doc = Html::parse_document("<head><base href=\"/news/\"></head>");
        let page = Url::parse("https://x.test/a/b").unwrap();
        assert_eq!(
            base_url(&doc, Some(&page)).unwrap().as_str(),
            "https://x.test/news/"
        );
    }
}

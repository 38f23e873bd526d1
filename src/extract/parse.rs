//! Text to a `scraper::Html` document, with the depth and element limits
//! enforced, and the document's base URL.

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
    let html = crate::extract::depth::bound_nesting(html, options.max_depth);
    let doc = Html::parse_document(&html);
    // The tree is a flat arena: counting is a linear scan, not a walk.
    let elements = doc
        .tree
        .values()
        .filter(|node| matches!(node, Node::Element(_)))
        .count();
    if elements > options.max_elements {
        return Err(ExtractError::new(
            ErrorKind::TooManyElements,
            format!(
                "too many elements (found {elements}, maximum {})",
                options.max_elements
            ),
        ));
    }
    Ok(doc)
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

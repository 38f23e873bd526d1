//! Attribute lookup by interned name.
//!
//! `scraper`'s `Element::attr(&str)` turns the name into an atom first (a
//! hash and a table lookup, for every call), then binary-searches the
//! attributes comparing names as strings. The stages read a handful of
//! attributes of every element, so they look them up here instead: by a
//! static atom (`local_name!("class")`, a pointer compare) or, for names
//! outside the static set (`data-src`), by string.

use html5ever::{LocalName, ns};
use scraper::node::Element;

pub use html5ever::local_name;

/// The value of the attribute `name` (no namespace), if present.
#[inline]
pub fn get<'a>(el: &'a Element, name: &LocalName) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.local == *name && q.ns == ns!())
        .map(|(_, v)| &**v)
}

/// The value of the attribute spelt `name` (lower case, no namespace), for
/// names that are no static atom (`data-src`, `data-lazy-srcset`).
#[inline]
pub fn get_str<'a>(el: &'a Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| &*q.local == name && q.ns == ns!())
        .map(|(_, v)| &**v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn finds_attributes_by_atom_and_by_string() {
        let doc = Html::parse_fragment(
            "<img CLASS=\"a b\" data-src=/x.jpg alt=''><svg><image xlink:href=/y.png /></svg>",
        );
        let img = doc
            .tree
            .values()
            .find_map(|n| n.as_element().filter(|e| e.name() == "img"))
            .unwrap();
        assert_eq!(get(img, &local_name!("class")), Some("a b"));
        assert_eq!(get(img, &local_name!("alt")), Some(""));
        assert_eq!(get(img, &local_name!("id")), None);
        assert_eq!(get_str(img, "data-src"), Some("/x.jpg"));
        assert_eq!(get_str(img, "data-srcset"), None);
        // Namespaced attributes are not plain ones.
        let image = doc
            .tree
            .values()
            .find_map(|n| n.as_element().filter(|e| e.name() == "image"))
            .unwrap();
        assert_eq!(get(image, &local_name!("href")), None);
        assert_eq!(image.attr("href"), None);
    }
}

//! React's streamed server rendering, resolved as a browser would: the
//! parts of the page that finished late, put where they belong.
//!
//! React 18 and later (Next.js's App Router, Remix and others) send a
//! page's slow parts after the rest. Where such a part goes the first bytes
//! hold a placeholder, `<!--$?--><template id="B:0"></template>` and a
//! fallback ("Loading…") up to `<!--/$-->`; the part itself comes at the
//! end of the body in `<div hidden id="S:0">`, with a script (`$RC("B:0",
//! "S:0")`) that moves it into place and removes the fallback. Segments
//! (`$RS("S:1", "P:1")`) replace a bare `<template id="P:1">`. A page
//! without this pass keeps the fallback and loses the late parts, which on
//! a streamed article are most of its paragraphs: they sit hidden at the
//! end of the body.
//!
//! The prescan keeps React's boundary comments (`$`, `$?`, `$!`, `/$`) for
//! this pass; without them the fallback stays (the part still moves in).

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

/// The boundary comments React writes: a boundary's start (complete,
/// pending, errored) and its end.
const BOUNDARY_OPEN: &[&str] = &["$", "$?", "$!"];
const BOUNDARY_CLOSE: &str = "/$";

/// Whether comment text `data` is one of React's boundary comments, which
/// the prescan keeps.
pub(crate) fn is_boundary_comment(data: &[u8]) -> bool {
    BOUNDARY_OPEN
        .iter()
        .chain([&BOUNDARY_CLOSE])
        .any(|c| c.as_bytes() == data)
}

/// Moves each streamed part (`<div hidden id="S:x">`) to its placeholder
/// (`<template id="B:x">`, whose fallback it replaces, or `<template
/// id="P:x">`). Parts without a placeholder, and placeholders inside their
/// own part, stay as they are. Linear in the document; the parse calls it
/// only on pages that have a `<template>`.
pub(crate) fn resolve(doc: &mut Html) {
    // By the key after `B:` or `P:`, with whether it is a boundary's: the
    // first of an id wins, as `getElementById` has it.
    let mut placeholders: HashMap<String, (bool, NodeId)> = HashMap::new();
    for node in doc.tree.nodes() {
        let Some(id) = node
            .value()
            .as_element()
            .filter(|el| el.name() == "template")
            .and_then(|el| el.id())
        else {
            continue;
        };
        let (key, boundary) = match id.split_at_checked(2) {
            Some(("B:", key)) => (key, true),
            Some(("P:", key)) => (key, false),
            _ => continue,
        };
        placeholders
            .entry(key.to_owned())
            .or_insert((boundary, node.id()));
    }
    if placeholders.is_empty() {
        return;
    }
    let parts: Vec<(String, NodeId)> = doc
        .tree
        .nodes()
        .filter_map(|node| {
            let el = node.value().as_element().filter(|el| el.name() == "div")?;
            let key = el.id()?.strip_prefix("S:")?;
            el.attr("hidden")?;
            Some((key.to_owned(), node.id()))
        })
        .collect();
    for (key, part) in parts {
        let Some(&(boundary, template)) = placeholders.get(&key) else {
            continue;
        };
        let inside_part = doc
            .tree
            .get(template)
            .is_some_and(|t| t.ancestors().any(|a| a.id() == part));
        if inside_part || doc.tree.get(template).and_then(|t| t.parent()).is_none() {
            continue;
        }
        if boundary {
            remove_fallback(doc, template);
        }
        let children: Vec<_> = doc
            .tree
            .get(part)
            .map(|p| p.children().map(|c| c.id()).collect())
            .unwrap_or_default();
        if let Some(mut at) = doc.tree.get_mut(template) {
            for child in children {
                at.insert_id_before(child);
            }
            at.detach();
        }
        if let Some(mut part) = doc.tree.get_mut(part) {
            part.detach();
        }
    }
}

/// Removes the fallback after a pending boundary's `template`: its
/// siblings up to the boundary's closing comment (nested boundaries
/// counted), with that comment. Nothing when the closing comment is not
/// there.
fn remove_fallback(doc: &mut Html, template: NodeId) {
    let mut fallback = Vec::new();
    let mut depth = 0usize;
    let mut closed = false;
    let mut next = doc.tree.get(template).and_then(|t| t.next_sibling());
    while let Some(node) = next {
        fallback.push(node.id());
        if let Node::Comment(c) = node.value() {
            let data: &str = &c.comment;
            if data == BOUNDARY_CLOSE {
                if depth == 0 {
                    closed = true;
                    break;
                }
                depth -= 1;
            } else if BOUNDARY_OPEN.contains(&data) {
                depth += 1;
            }
        }
        next = node.next_sibling();
    }
    if !closed {
        return;
    }
    for id in fallback {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Options;
    use crate::extract::parse::document;

    fn resolved(html: &str) -> String {
        let doc = document(html, &Options::default()).unwrap();
        let body = doc
            .select(&scraper::Selector::parse("body").unwrap())
            .next()
            .unwrap();
        body.inner_html()
    }

    #[test]
    fn a_late_part_replaces_its_boundary_s_fallback() {
        let html = "<body><main><h1>Story</h1><!--$?--><template id=\"B:0\"></template>\
                    <div>Loading <!-- -->paragraph...</div><!--/$--><p>End.</p></main>\
                    <div hidden id=\"S:0\"><p>First.</p><p>Second.</p></div>\
                    <script>$RC(\"B:0\",\"S:0\")</script></body>";
        let out = resolved(html);
        assert!(
            out.starts_with(
                "<main><h1>Story</h1><!--$?--><p>First.</p><p>Second.</p><p>End.</p></main>"
            ),
            "{out}"
        );
        assert!(!out.contains("Loading"), "{out}");
        assert!(!out.contains("S:0"), "{out}");
    }

    #[test]
    fn segments_replace_their_placeholder_and_nest() {
        // Segment 1 holds the placeholder of segment 2, which comes first.
        let html = "<body><article><template id=\"P:1\"></template></article>\
                    <div hidden id=\"S:2\"><p>Inner.</p></div>\
                    <div hidden id=\"S:1\"><section><template id=\"P:2\"></template></section></div></body>";
        let out = resolved(html);
        assert!(
            out.starts_with("<article><section><p>Inner.</p></section></article>"),
            "{out}"
        );
    }

    #[test]
    fn a_fallback_without_its_closing_comment_stays_and_a_part_never_moves_into_itself() {
        // No `<!--/$-->`: where the fallback ends is unknown, so only the
        // part moves in. A part holding its own placeholder stays put.
        let html = "<body><div><template id=\"B:0\"></template><p>Loading</p><p>After.</p></div>\
                    <div hidden id=\"S:0\"><p>Late.</p></div>\
                    <div hidden id=\"S:1\"><template id=\"B:1\"></template><p>Own.</p></div></body>";
        let out = resolved(html);
        assert!(
            out.starts_with("<div><p>Late.</p><p>Loading</p><p>After.</p></div>"),
            "{out}"
        );
        assert!(out.contains("id=\"S:1\""), "{out}");
    }
}

//! Differential: the text html5ever finds outside script, style and SVG is
//! the same whether or not the pre-scan ran first (as the property test in
//! `src/extract/prescan/` checks on pieces of markup), on arbitrary text,
//! and the pre-scan never grows its input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use scraper::{Html, Node};

use lede::extract::prescan::prescan;

/// The text html5ever finds outside script, style and SVG.
fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut text = String::new();
    for node in doc.tree.root().descendants() {
        if let Node::Text(t) = node.value() {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "svg"))
            });
            if !hidden {
                text.push_str(t);
            }
        }
    }
    text
}

fuzz_target!(|html: &str| {
    // The nesting bound drops tags on purpose; the default one is far
    // deeper than any input this size reaches.
    let out = prescan(html, 512);
    assert!(out.html.len() <= html.len(), "the pre-scan grew its input");
    assert_eq!(
        visible_text(&out.html),
        visible_text(html),
        "visible text changed: {html:?} -> {:?}",
        out.html
    );
});

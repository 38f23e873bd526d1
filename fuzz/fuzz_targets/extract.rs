//! Arbitrary bytes through the whole extraction: no panic, and the article's
//! invariants hold whatever comes in.

#![no_main]

use lede::article::Section;
use lede::extract::{Input, Options, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the optional outputs, so the renderers are fuzzed too.
    let (flags, html) = data.split_first().map_or((0, data), |(f, rest)| (*f, rest));
    let options = Options {
        include_html: flags & 1 != 0,
        include_markdown: flags & 2 != 0,
        ..Options::default()
    };
    let input = Input {
        html,
        url: (flags & 4 != 0).then_some("https://example.test/a/b"),
        content_type: (flags & 8 != 0).then_some("text/html; charset=windows-1252"),
    };
    let Ok(article) = extract(&input, &options) else {
        return;
    };
    for figure in &article.figures {
        assert!(!figure.image.src.is_empty(), "a figure without a source");
    }
    // Heading levels nest: a subsection is deeper than its parent.
    let mut stack: Vec<&Section> = article.sections.iter().collect();
    while let Some(section) = stack.pop() {
        for child in &section.children {
            assert!(
                child.level > section.level,
                "a subsection not deeper than its parent"
            );
            stack.push(child);
        }
    }
});

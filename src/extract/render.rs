//! Renders the section tree as plain text, language text, clean HTML or
//! Markdown. All walks over sections use an explicit stack.

use crate::article::{Block, Section};

/// Visits sections in document order (pre-order), iteratively.
fn for_each_section<'s>(sections: &'s [Section], mut visit: impl FnMut(&'s Section)) {
    let mut stack: Vec<&'s Section> = sections.iter().rev().collect();
    while let Some(section) = stack.pop() {
        visit(section);
        stack.extend(section.children.iter().rev());
    }
}

/// Plain text of one block, or `None` for figures.
fn block_text(block: &Block) -> Option<String> {
    match block {
        Block::Paragraph(p) => Some(p.text.clone()),
        Block::List(l) => Some(l.items.join("\n")),
        Block::Quote(q) => Some(q.text.clone()),
        Block::Table(t) => Some(
            t.rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| c.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Block::Code(c) => Some(c.text.clone()),
        Block::Figure(_) => None,
    }
}

/// The plain body text: headings and blocks separated by blank lines.
pub fn text(sections: &[Section]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for_each_section(sections, |s| {
        if !s.heading.is_empty() {
            parts.push(s.heading.clone());
        }
        parts.extend(s.blocks.iter().filter_map(block_text));
    });
    parts.join("\n\n")
}

/// The text language detection should see: no code, no figures.
pub fn language_text(sections: &[Section]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for_each_section(sections, |s| {
        if !s.heading.is_empty() {
            parts.push(s.heading.clone());
        }
        parts.extend(
            s.blocks
                .iter()
                .filter(|b| !matches!(b, Block::Code(_)))
                .filter_map(block_text),
        );
    });
    parts.join("\n\n")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The body as clean HTML (`<section>`, `<hN>`, `<p>`, lists, tables,
/// `<figure>`), links kept absolute.
pub fn html(sections: &[Section]) -> String {
    let mut out = String::from("<article>");
    // Explicit stack: Some(section) opens, None closes.
    let mut stack: Vec<Option<&Section>> = sections
        .iter()
        .rev()
        .flat_map(|s| [None, Some(s)])
        .collect();
    while let Some(item) = stack.pop() {
        let Some(s) = item else {
            out.push_str("</section>");
            continue;
        };
        out.push_str("<section>");
        if !s.heading.is_empty() {
            let level = s.level.clamp(1, 6);
            match &s.anchor {
                Some(id) => out.push_str(&format!("<h{level} id=\"{}\">", escape(id))),
                None => out.push_str(&format!("<h{level}>")),
            }
            out.push_str(&escape(&s.heading));
            out.push_str(&format!("</h{level}>"));
        }
        for block in &s.blocks {
            match block {
                Block::Paragraph(p) => {
                    out.push_str("<p>");
                    out.push_str(&linked_html(&p.text, &p.links));
                    out.push_str("</p>");
                }
                Block::List(l) => {
                    let tag = if l.ordered { "ol" } else { "ul" };
                    out.push_str(&format!("<{tag}>"));
                    for item in &l.items {
                        out.push_str(&format!("<li>{}</li>", escape(item)));
                    }
                    out.push_str(&format!("</{tag}>"));
                }
                Block::Quote(q) => out.push_str(&format!(
                    "<blockquote><p>{}</p></blockquote>",
                    escape(&q.text)
                )),
                Block::Table(t) => {
                    out.push_str("<table>");
                    if let Some(c) = &t.caption {
                        out.push_str(&format!("<caption>{}</caption>", escape(c)));
                    }
                    for row in &t.rows {
                        out.push_str("<tr>");
                        for cell in row {
                            let tag = if cell.header { "th" } else { "td" };
                            out.push_str(&format!("<{tag}>{}</{tag}>", escape(&cell.text)));
                        }
                        out.push_str("</tr>");
                    }
                    out.push_str("</table>");
                }
                Block::Code(c) => match &c.language {
                    Some(lang) => out.push_str(&format!(
                        "<pre><code class=\"language-{}\">{}</code></pre>",
                        escape(lang),
                        escape(&c.text)
                    )),
                    None => out.push_str(&format!("<pre><code>{}</code></pre>", escape(&c.text))),
                },
                Block::Figure(f) => {
                    out.push_str(&format!("<figure><img src=\"{}\"", escape(&f.image.src)));
                    if let Some(alt) = &f.image.alt {
                        out.push_str(&format!(" alt=\"{}\"", escape(alt)));
                    }
                    out.push('>');
                    if f.caption.is_some() || f.credit.is_some() {
                        out.push_str("<figcaption>");
                        if let Some(c) = &f.caption {
                            out.push_str(&escape(c));
                        }
                        if let Some(c) = &f.credit {
                            out.push_str(&format!(" <small>{}</small>", escape(c)));
                        }
                        out.push_str("</figcaption>");
                    }
                    out.push_str("</figure>");
                }
            }
        }
        for child in s.children.iter().rev() {
            stack.push(None);
            stack.push(Some(child));
        }
    }
    out.push_str("</article>");
    out
}

/// Paragraph text with its links re-inserted at their first occurrence.
fn linked_html(text: &str, links: &[crate::article::Link]) -> String {
    let mut out = String::new();
    let mut rest = text;
    for link in links {
        if let Some((before, from_link)) = rest
            .find(link.text.as_str())
            .and_then(|pos| rest.split_at_checked(pos))
        {
            out.push_str(&escape(before));
            out.push_str(&format!(
                "<a href=\"{}\">{}</a>",
                escape(&link.url),
                escape(&link.text)
            ));
            rest = from_link
                .strip_prefix(link.text.as_str())
                .unwrap_or(from_link);
        }
    }
    out.push_str(&escape(rest));
    out
}

/// The body as Markdown.
pub fn markdown(sections: &[Section]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for_each_section(sections, |s| {
        if !s.heading.is_empty() {
            parts.push(format!(
                "{} {}",
                "#".repeat(usize::from(s.level.clamp(1, 6))),
                s.heading
            ));
        }
        for block in &s.blocks {
            parts.push(match block {
                Block::Paragraph(p) => {
                    let mut text = p.text.clone();
                    for link in &p.links {
                        if let Some(pos) = text.find(link.text.as_str()) {
                            let md = format!("[{}]({})", link.text, link.url);
                            text.replace_range(pos..pos + link.text.len(), &md);
                        }
                    }
                    text
                }
                Block::List(l) => l
                    .items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| {
                        if l.ordered {
                            format!("{}. {item}", n + 1)
                        } else {
                            format!("- {item}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                Block::Quote(q) => format!("> {}", q.text),
                Block::Table(t) => {
                    let mut lines = Vec::new();
                    for (n, row) in t.rows.iter().enumerate() {
                        let cells: Vec<String> =
                            row.iter().map(|c| c.text.replace('|', "\\|")).collect();
                        lines.push(format!("| {} |", cells.join(" | ")));
                        if n == 0 {
                            lines.push(format!("|{}", " --- |".repeat(row.len().max(1))));
                        }
                    }
                    lines.join("\n")
                }
                Block::Code(c) => format!(
                    "```{}\n{}\n```",
                    c.language.as_deref().unwrap_or(""),
                    c.text
                ),
                Block::Figure(f) => {
                    let mut md = format!(
                        "![{}]({})",
                        f.image.alt.as_deref().unwrap_or(""),
                        f.image.src
                    );
                    if let Some(c) = &f.caption {
                        md.push_str(&format!("\n*{c}*"));
                    }
                    md
                }
            });
        }
    });
    parts.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Paragraph, Section};

    fn tree() -> Vec<Section> {
        let para = |t: &str| {
            Block::Paragraph(Paragraph {
                text: t.into(),
                links: vec![],
            })
        };
        vec![
            Section {
                blocks: vec![para("Lead.")],
                ..Section::default()
            },
            Section {
                heading: "H".into(),
                level: 2,
                blocks: vec![para("Body.")],
                children: vec![Section {
                    heading: "Sub".into(),
                    level: 3,
                    blocks: vec![para("Deep.")],
                    ..Section::default()
                }],
                ..Section::default()
            },
        ]
    }

    #[test]
    fn text_joins_headings_and_blocks_with_blank_lines() {
        assert_eq!(text(&tree()), "Lead.\n\nH\n\nBody.\n\nSub\n\nDeep.");
    }

    #[test]
    fn markdown_and_html_keep_the_structure() {
        assert_eq!(
            markdown(&tree()),
            "Lead.\n\n## H\n\nBody.\n\n### Sub\n\nDeep."
        );
        let html = html(&tree());
        assert!(html.contains("<section><h2>H</h2><p>Body.</p><section><h3>Sub</h3><p>Deep.</p></section></section>"), "{html}");
    }
}

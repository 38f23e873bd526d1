//! The shape of the crate, read from its source tree: the extraction core
//! (`src/extract`) names no transport, server, command line, clock or
//! terminal, and the crate's top-level modules depend on each other in one
//! direction only (no cycle; `grpc` and `metrics` not at all).
//!
//! Only code counts: comments (doc comments included) and the contents of
//! string literals are blanked out before looking.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Names the extraction core must not use, each with what it stands for.
/// Matched as whole words (`Instant` does not match `Instantly`).
const FORBIDDEN_IN_EXTRACT: &[(&str, &str)] = &[
    ("tonic", "the transport"),
    ("prost", "the transport"),
    ("tokio", "the transport"),
    ("hyper", "the transport"),
    ("tower", "the transport"),
    ("http::", "the transport"),
    ("pb::", "the wire types"),
    ("crate::grpc", "the transport"),
    ("crate::server", "the server"),
    ("crate::config", "the server"),
    ("crate::metrics", "the server"),
    ("crate::shutdown", "the server"),
    ("crate::job", "the runner above the library"),
    ("clap", "the command line"),
    ("indicatif", "the terminal"),
    ("std::env", "the command line"),
    ("std::process", "the command line"),
    ("ExitCode", "the command line"),
    ("Instant", "the clock"),
    ("SystemTime", "the clock"),
    ("UNIX_EPOCH", "the clock"),
    ("Utc::now", "the clock"),
    ("Local::now", "the clock"),
    ("stdout", "a terminal"),
    ("stderr", "a terminal"),
    ("stdin", "a terminal"),
    ("IsTerminal", "a terminal"),
    ("println!", "a terminal"),
    ("eprintln!", "a terminal"),
    ("print!", "a terminal"),
    ("eprint!", "a terminal"),
    ("dbg!", "a terminal"),
];

/// Top-level modules that must not depend on each other, either way.
const APART: &[(&str, &str)] = &[("grpc", "metrics")];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("a readable source folder") {
            let path = entry.expect("a readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `text` with its comments (line, doc and nested block comments) and the
/// contents of its string literals blanked out, lines kept in place.
fn code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while chars.get(i).is_some_and(|&c| c != '\n') {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while let Some(&c) = chars.get(i) {
                    let next = chars.get(i + 1).copied();
                    if c == '/' && next == Some('*') {
                        depth += 1;
                        i += 2;
                    } else if c == '*' && next == Some('/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c == '\n' {
                            out.push('\n');
                        }
                        i += 1;
                    }
                }
            }
            'r' if matches!(next, Some('"' | '#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|&p| p.is_alphanumeric() || p == '_') =>
            {
                // A raw string: r"...", r#"..."#.
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    out.push(c);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    match chars.get(j) {
                        None => break,
                        Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                            j += 1 + hashes;
                            break;
                        }
                        Some(_) => j += 1,
                    }
                }
                out.push_str("r\"\"");
                out.extend(
                    chars
                        .get(i..j)
                        .unwrap_or_default()
                        .iter()
                        .filter(|&&c| c == '\n'),
                );
                i = j;
            }
            '"' => {
                let mut j = i + 1;
                while let Some(&c) = chars.get(j) {
                    j += if c == '\\' { 2 } else { 1 };
                    if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
                out.extend(
                    chars
                        .get(i..j.min(chars.len()))
                        .unwrap_or_default()
                        .iter()
                        .filter(|&&c| c == '\n'),
                );
                i = j;
            }
            '\'' => {
                // A character literal ('x', '\n', '\''), else a lifetime.
                let end = match (next, chars.get(i + 2)) {
                    (Some('\\'), _) => chars
                        .get(i + 3..)
                        .and_then(|rest| rest.iter().position(|&c| c == '\''))
                        .map(|p| i + 3 + p + 1),
                    (Some(_), Some('\'')) => Some(i + 3),
                    _ => None,
                };
                let end = end.unwrap_or(i + 1);
                out.extend(chars.get(i..end).unwrap_or_default());
                i = end;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The lines of `code` naming `word` as a whole word (or path).
fn lines_naming(code: &str, word: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line.get(from..).and_then(|rest| rest.find(word)) {
            let start = from + at;
            let end = start + word.len();
            let before = line.get(..start).and_then(|s| s.chars().next_back());
            let after = line.get(end..).and_then(|s| s.chars().next());
            let starts_word = !before.is_some_and(is_ident);
            let ends_word = !word.ends_with(is_ident) || !after.is_some_and(is_ident);
            if starts_word && ends_word {
                lines.push(n + 1);
                break;
            }
            from = end;
        }
    }
    lines
}

/// The identifier `item` starts with, if any.
fn head(item: &str) -> Option<String> {
    let name: String = item
        .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
        .chars()
        .take_while(|&c| is_ident(c))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The top-level modules of the crate `code` refers to as `crate::name`
/// (grouped imports included: `crate::{a, b::c}`).
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest.get(..at).and_then(|s| s.chars().next_back());
        rest = rest.get(at + "crate::".len()..).unwrap_or_default();
        if before.is_some_and(|c| is_ident(c) || c == ':') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The first name of each item at the group's top level.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '}' if depth == 0 => break,
                    ',' if depth == 0 => {
                        out.extend(head(&item));
                        item.clear();
                    }
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                item.push(c);
            }
            out.extend(head(item.trim_start_matches(',')));
        } else {
            let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to (`grpc` for
/// `src/grpc/service.rs`, `job` for `src/job.rs`); `None` for the crate
/// root and the binaries.
fn top_level(path: &Path) -> Option<String> {
    let relative = path.strip_prefix(src()).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main" | "bin" | "cli" | "otel")).then(|| name.to_owned())
}

/// Which top-level module uses which, from the source tree.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in rust_files(&src()) {
        let Some(module) = top_level(&path) else {
            continue;
        };
        let text = fs::read_to_string(&path).expect("a readable source file");
        let uses = graph.entry(module.clone()).or_default();
        uses.extend(
            crate_refs(&code(&text))
                .into_iter()
                .filter(|m| *m != module),
        );
    }
    graph
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    /// 0: not seen, 1: on the current path, 2: done.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = path.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = path.get(from..).unwrap_or_default().to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(cycle) = visit(next, graph, state, path) {
                        return Some(cycle);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0
            && let Some(cycle) = visit(node, graph, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn the_extraction_core_names_no_transport_server_cli_clock_or_terminal() {
    let files = rust_files(&src().join("extract"));
    assert!(
        files.len() > 20,
        "only {} files under src/extract",
        files.len()
    );
    let mut found = Vec::new();
    for path in &files {
        let code = code(&fs::read_to_string(path).expect("a readable source file"));
        for (word, what) in FORBIDDEN_IN_EXTRACT {
            for line in lines_naming(&code, word) {
                found.push(format!("{}:{line}: `{word}` ({what})", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn top_level_modules_depend_one_way() {
    let graph = module_graph();
    for module in ["article", "extract", "job", "grpc", "metrics", "server"] {
        assert!(
            graph.contains_key(module),
            "no module {module} in {graph:?}"
        );
    }
    // The library's own direction, spot-checked.
    assert!(graph["grpc"].contains("job") && graph["server"].contains("grpc"));
    for (a, b) in APART {
        assert!(!graph[*a].contains(*b), "{a} uses {b}: {graph:?}");
        assert!(!graph[*b].contains(*a), "{b} uses {a}: {graph:?}");
    }
    assert_eq!(find_cycle(&graph), None, "{graph:?}");
}

#[test]
fn the_checks_see_what_they_look_for() {
    let snippet = "// Instant in a comment\n/* SystemTime */ let s = \"//\";\n\
        use std::time::Instant;\nlet t = Instantly; let x = 'a'; fn f<'a>() {}\n\
        use crate::{grpc::{pb, status}, job};\nuse crate::metrics;\nr#\"crate::server\"#;";
    let code = code(snippet);
    assert_eq!(lines_naming(&code, "Instant"), [3]);
    assert!(lines_naming(&code, "SystemTime").is_empty());
    let refs = crate_refs(&code);
    assert_eq!(
        refs.into_iter().collect::<Vec<_>>(),
        ["grpc", "job", "metrics"]
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

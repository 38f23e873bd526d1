//! Every crate in the dependency graph (normal, build and dev) is
//! permissively licensed: its SPDX expression must be satisfiable with the
//! licences below alone. GPL, AGPL and LGPL crates fail this test.

use std::process::Command;

use serde_json::Value;

/// Licences lede may depend on (permissive ones; MPL-2.0 is file-level
/// copyleft and allowed by the project's policy).
const ALLOWED: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "0BSD",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "MPL-2.0",
    "CC0-1.0",
    "Unlicense",
    "BSL-1.0",
    "CDLA-Permissive-2.0",
    "LLVM-exception",
];

/// Evaluates an SPDX expression: can it be satisfied with `ALLOWED`?
fn satisfiable(expression: &str) -> bool {
    let spaced = expression
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('/', " OR ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut pos = 0;
    let ok = or_expr(&tokens, &mut pos);
    ok && pos == tokens.len()
}

fn or_expr(tokens: &[&str], pos: &mut usize) -> bool {
    let mut ok = and_expr(tokens, pos);
    while tokens.get(*pos) == Some(&"OR") {
        *pos += 1;
        ok |= and_expr(tokens, pos);
    }
    ok
}

fn and_expr(tokens: &[&str], pos: &mut usize) -> bool {
    let mut ok = term(tokens, pos);
    while tokens.get(*pos) == Some(&"AND") {
        *pos += 1;
        ok &= term(tokens, pos);
    }
    ok
}

fn term(tokens: &[&str], pos: &mut usize) -> bool {
    let Some(&token) = tokens.get(*pos) else {
        return false;
    };
    *pos += 1;
    let ok = if token == "(" {
        let inner = or_expr(tokens, pos);
        if tokens.get(*pos) == Some(&")") {
            *pos += 1;
        }
        inner
    } else {
        ALLOWED.contains(&token.trim_end_matches('+'))
    };
    if tokens.get(*pos) == Some(&"WITH") {
        *pos += 2;
    }
    ok
}

#[test]
fn the_expression_evaluator_tells_permissive_from_copyleft() {
    assert!(satisfiable("MIT OR Apache-2.0"));
    assert!(satisfiable("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(satisfiable("Apache-2.0 WITH LLVM-exception OR MIT"));
    assert!(satisfiable("MIT/Apache-2.0"));
    assert!(satisfiable("GPL-2.0 OR MIT"));
    assert!(!satisfiable("GPL-3.0"));
    assert!(!satisfiable("MIT AND AGPL-3.0"));
    assert!(!satisfiable("LGPL-2.1-or-later"));
}

#[test]
fn every_dependency_is_permissively_licensed() {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("cargo metadata JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    assert!(packages.len() > 50, "the graph looks incomplete");
    let offenders: Vec<String> = packages
        .iter()
        .filter_map(|p| {
            let name = p["name"].as_str().unwrap_or("?");
            let version = p["version"].as_str().unwrap_or("?");
            match p["license"].as_str() {
                Some(license) if satisfiable(license) => None,
                Some(license) => Some(format!("{name} {version}: {license}")),
                None => Some(format!("{name} {version}: no SPDX licence field")),
            }
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "not permissively licensed: {offenders:#?}"
    );
}

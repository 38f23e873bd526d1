//! `lede extract` over many pages never loses one: good pages mixed with a
//! page that panics (the `fault-injection` marker), a missing file and a
//! corrupt `.gz` give one line per input, in input order, within a time
//! bound, exit code 1 and a summary naming the failed inputs.

use std::time::Duration;

use lede::extract::decode::PANIC_MARKER;
use serde_json::Value;

use crate::util::{SMALL_PAGE, lede_bin, run};

/// Time allowed to a batch of a few dozen small pages; a hang fails here.
const BOUND: Duration = Duration::from_secs(120);

/// What each input is, in input order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Good,
    Panics,
    Missing,
    CorruptGzip,
}

/// Runs `lede extract --jobs N` over the inputs, each made as `kinds` says.
async fn batch(name: &str, kinds: &[Kind], jobs: &str) {
    let dir = std::env::temp_dir().join(format!("lede-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let mut paths = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        let path = match kind {
            Kind::Good => dir.join(format!("{i:02}-good.html")),
            Kind::Panics => dir.join(format!("{i:02}-panics.html")),
            Kind::Missing => dir.join(format!("{i:02}-missing.html")),
            Kind::CorruptGzip => dir.join(format!("{i:02}-corrupt.html.gz")),
        };
        match kind {
            Kind::Good => std::fs::write(&path, SMALL_PAGE),
            Kind::Panics => std::fs::write(&path, [PANIC_MARKER, SMALL_PAGE.as_bytes()].concat()),
            Kind::Missing => Ok(()),
            // A gzip header, then bytes that are no deflate stream.
            Kind::CorruptGzip => std::fs::write(
                &path,
                [&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff][..], &[0xff; 64]].concat(),
            ),
        }
        .expect("write");
        paths.push(path.display().to_string());
    }
    let mut args = vec!["extract", "--jobs", jobs];
    args.extend(paths.iter().map(String::as_str));
    let output = tokio::time::timeout(BOUND, run(lede_bin(), &args, b""))
        .await
        .unwrap_or_else(|_| panic!("the batch (--jobs {jobs}) did not finish in {BOUND:?}"));
    let _ = std::fs::remove_dir_all(&dir);

    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), kinds.len(), "one line per input:\n{stdout}");
    for ((line, kind), path) in lines.iter().zip(kinds).zip(&paths) {
        assert_eq!(line["id"], path.as_str(), "input order");
        let code = line["error"]["codeName"].as_str();
        match kind {
            Kind::Good => {
                assert_eq!(line["article"]["title"], "A small page", "{line:#}");
                assert!(line.get("error").is_none(), "{line:#}");
            }
            Kind::Panics => {
                assert_eq!(code, Some("INTERNAL"), "{line:#}");
                let message = line["error"]["message"].as_str().unwrap_or_default();
                assert!(message.contains("panicked"), "{line:#}");
            }
            Kind::Missing => assert_eq!(code, Some("NOT_FOUND"), "{line:#}"),
            Kind::CorruptGzip => assert_eq!(code, Some("DATA_LOSS"), "{line:#}"),
        }
        if *kind != Kind::Good {
            assert!(line.get("article").is_none(), "{line:#}");
            assert!(
                stderr.contains(path.as_str()),
                "the summary names {path}: {stderr}"
            );
        }
    }
    let failed = kinds.iter().filter(|k| **k != Kind::Good).count();
    let summary = format!(
        "{} pages ({} extracted, {failed} failed)",
        kinds.len(),
        kinds.len() - failed
    );
    assert!(stderr.contains(&summary), "{summary:?} in {stderr}");
}

/// Twenty good pages with two panicking ones, a missing and a corrupt file
/// among them (one panicking page first, one last).
fn mixed() -> Vec<Kind> {
    let mut kinds = vec![Kind::Good; 24];
    kinds[0] = Kind::Panics;
    kinds[7] = Kind::Missing;
    kinds[12] = Kind::CorruptGzip;
    kinds[23] = Kind::Panics;
    kinds
}

#[tokio::test]
async fn a_panicking_page_among_good_ones_with_one_job() {
    batch("one-job", &mixed(), "1").await;
}

#[tokio::test]
async fn a_panicking_page_among_good_ones_with_four_jobs() {
    batch("four-jobs", &mixed(), "4").await;
}

#[tokio::test]
async fn many_panicking_pages_never_hold_up_the_batch() {
    // More panics than jobs, back to back: every worker meets one.
    let mut kinds = vec![Kind::Panics; 8];
    kinds.extend([Kind::Good; 8]);
    batch("many-panics", &kinds, "4").await;
}

#[tokio::test]
async fn one_corrupt_gzip_file_is_data_loss_and_one_over_the_response_limit_resource_exhausted() {
    let dir = std::env::temp_dir().join(format!("lede-batch-{}-single", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let corrupt = dir.join("corrupt.html.gz");
    std::fs::write(&corrupt, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3]).expect("write");
    let good = dir.join("good.html");
    std::fs::write(&good, SMALL_PAGE).expect("write");
    let corrupt_arg = corrupt.to_str().expect("a UTF-8 path");
    let good_arg = good.to_str().expect("a UTF-8 path");
    let output = run(lede_bin(), &["extract", corrupt_arg], b"").await;
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("DATA_LOSS") && stderr.contains("corrupt gzip data"),
        "{stderr}"
    );
    let output = run(
        lede_bin(),
        &["extract", good_arg, "--max-response-bytes", "100"],
        b"",
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("RESOURCE_EXHAUSTED"), "{stderr}");
}

//! Every shell command in the README's code blocks is accounted for: run
//! here for real (the `lede` commands that work offline, in a folder with
//! the files they name, `lede` on the PATH), or named with the test that
//! runs it, or with why no test can (a network, Docker, a nightly
//! toolchain, a benchmark run of minutes). A command added to the README
//! without an entry fails this test, and so does an entry whose command is
//! gone: none can break unnoticed.

use std::path::Path;

use crate::{
    util::{SMALL_PAGE, lede_bin, repo},
    warc::{gzip, http, record},
};

/// How a README command is checked.
enum Check {
    /// Run here; it must exit 0.
    Run,
    /// Run by this test in `tests/` (the file and function, checked to
    /// exist).
    Test(&'static str, &'static str),
    /// Not run by any test, and why.
    NotRun(&'static str),
}

const SERVES: &str = "serves until stopped";
const BENCH: &str =
    "a benchmark run over the shared pages, minutes long (run by hand; CI builds the binaries)";

/// Every README command (comments removed, continuation lines joined).
const COMMANDS: &[(&str, Check)] = &[
    (
        "cargo run --release",
        Check::Test("readme.rs", "cargo_run_picks_the_server"),
    ),
    (
        "scripts/test",
        Check::NotRun("the whole suite: this test is part of it"),
    ),
    (
        "grpcurl -plaintext localhost:50051 list",
        Check::Test("grpcurl.rs", "list_shows_our_service_and_health"),
    ),
    (
        r#"{ printf '{"id":"1","html":"'; base64 -w0 page.html; printf '"}'; } | grpcurl -plaintext -d @ localhost:50051 lede.v1.ExtractorService/Extract"#,
        Check::Test("grpcurl.rs", "extract_takes_json_input"),
    ),
    (
        "pip install grpcio grpcio-tools",
        Check::NotRun("the network; scripts/test installs the same packages"),
    ),
    (
        "python examples/client.py extract page.html --url https://example.com/a",
        Check::Test("python.rs", "python_grpcio_client_extracts_a_page"),
    ),
    (
        "python examples/client.py stream pages/ > articles.jsonl",
        Check::Test("python.rs", "python_grpcio_client_streams_a_folder"),
    ),
    (
        r#"python examples/client.py language "Der schnelle braune Fuchs""#,
        Check::Test(
            "python.rs",
            "python_grpcio_client_detects_a_language_and_checks_health",
        ),
    ),
    (
        "python examples/client.py --gzip health",
        Check::Test(
            "python.rs",
            "python_grpcio_client_detects_a_language_and_checks_health",
        ),
    ),
    (
        "lede",
        Check::Test(
            "cli.rs",
            "plain_lede_serves_on_a_host_name_with_plain_text_logs",
        ),
    ),
    (
        "lede serve --listen 127.0.0.1:6000",
        Check::Test("cli.rs", "serve_answers_then_stops_cleanly_on_sigterm"),
    ),
    (
        "lede serve --listen localhost:6000",
        Check::Test(
            "cli.rs",
            "plain_lede_serves_on_a_host_name_with_plain_text_logs",
        ),
    ),
    (
        "lede extract page.html --url https://example.com/a",
        Check::Run,
    ),
    (
        "lede extract - --content-type 'text/html; charset=gbk' < page.html",
        Check::Run,
    ),
    (
        "lede extract page.html --markdown --compact | jq -r .article.markdown",
        Check::Run,
    ),
    ("lede extract crawl.warc.gz > articles.jsonl", Check::Run),
    ("lede extract page.html --format markdown", Check::Run),
    (
        "lede extract page.html --format markdown --markdown-title",
        Check::Run,
    ),
    (
        "lede extract crawl/ --format text --output-dir texts/",
        Check::Run,
    ),
    (
        "lede health",
        Check::Test("cli.rs", "health_exits_zero_when_serving"),
    ),
    (
        "lede health --addr http://10.0.0.5:50051 --service lede.v1.ExtractorService",
        Check::NotRun(
            "a server at another address; --addr and --service are health_exits_zero_when_serving and rpc's health tests",
        ),
    ),
    (
        "lede completions bash > ~/.local/share/bash-completion/completions/lede",
        Check::Run,
    ),
    (
        "docker build -t lede .",
        Check::NotRun("Docker; the Dockerfile is linted by hadolint in scripts/test"),
    ),
    (
        "docker run -p 50051:50051 -p 9090:9090 lede",
        Check::NotRun("Docker"),
    ),
    (
        "cargo run --release --bin lede-bench -- ../shared/benchmarks/aeb --repeat 5",
        Check::NotRun(BENCH),
    ),
    ("cargo install cargo-fuzz", Check::NotRun("the network")),
    (
        "LEDE_UPDATE_GOLDEN=1 cargo test seed::golden",
        Check::Test("seed.rs", "golden"),
    ),
    (
        "git diff tests/fixtures/seed/expected.json",
        Check::NotRun("a review step after regenerating the golden file"),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb --worst 20",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb --filter ID",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb --json > scores.json",
        Check::NotRun(BENCH),
    ),
    ("lede extract crawl/ > articles.jsonl", Check::Run),
    (
        "lede extract --jobs 1 a.html b.html.gz - < c.html | jq -r .article.title",
        Check::Run,
    ),
    (
        "lede extract mirror/ --url https://example.com/ > site.jsonl",
        Check::Run,
    ),
    (
        "lede extract --manifest pages.jsonl > articles.jsonl",
        Check::Run,
    ),
    (
        "lede extract CC-MAIN-*.warc.gz > articles.jsonl",
        Check::Run,
    ),
    (
        "pip install pyspark warcio grpcio grpcio-tools",
        Check::NotRun("the network; scripts/test installs the same packages"),
    ),
    (
        "lede serve --listen 127.0.0.1:50051 &",
        Check::Test("cli.rs", "serve_answers_then_stops_cleanly_on_sigterm"),
    ),
    (
        "python examples/spark/extract_warc.py --lede 127.0.0.1:50051 --master 'local[2]' 'crawl/*.warc.gz' articles.parquet",
        Check::Test("spark.rs", "the_spark_job_writes_what_lede_extract_prints"),
    ),
    (
        "spark-submit --master k8s://https://KUBE-API:6443 --deploy-mode cluster --conf spark.executor.instances=3 --conf spark.executor.cores=1 --conf spark.executor.memory=3g examples/spark/extract_warc.py --lede dns:///lede-headless.NAMESPACE.svc.cluster.local:50051 's3a://commoncrawl/crawl-data/CC-MAIN-2024-22/segments/*/warc/*.warc.gz' s3a://BUCKET/articles/",
        Check::NotRun(
            "a Kubernetes cluster and S3; the same job runs on local[2] in spark::the_spark_job_writes_what_lede_extract_prints",
        ),
    ),
    (
        "taskset -c 0 target/release/lede-bench ../shared/benchmarks/aeb --repeat 2",
        Check::NotRun(BENCH),
    ),
    (
        "scripts/fuzz",
        Check::NotRun("fuzzing, minutes long; scripts/test compiles the fuzz targets"),
    ),
    (
        "FUZZ_SECS=600 scripts/fuzz pages",
        Check::NotRun("fuzzing, minutes long; scripts/test compiles the fuzz targets"),
    ),
    (
        "scripts/callgrind.sh ../shared/benchmarks/aeb",
        Check::NotRun("valgrind over the shared pages, minutes long"),
    ),
    (
        "cargo bench --bench extract",
        Check::NotRun("criterion, minutes long; CI builds the benches"),
    ),
    (
        "/usr/bin/time -v target/release/lede extract --jobs 1 ../shared/benchmarks/aeb/html > /dev/null",
        Check::NotRun(BENCH),
    ),
    (
        "LEDE_LOG=warn lede serve --listen 127.0.0.1:50177 &",
        Check::NotRun(SERVES),
    ),
    (
        "target/release/lede-load ../shared/benchmarks/aeb --addr http://127.0.0.1:50177 --concurrency 1,2,64 --pid $! --baseline",
        Check::NotRun(BENCH),
    ),
    (
        "scripts/compare-trafilatura.sh",
        Check::NotRun("installs trafilatura from the network"),
    ),
    (
        "lede extract page.html --now 2024-06-18T06:43:02Z",
        Check::Run,
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/readability",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb --page-type-features pt.csv",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/wcxb --explain ID",
        Check::NotRun(BENCH),
    ),
    (
        "cargo run --release --bin lede-eval -- ../shared/benchmarks/aeb --worst 5 --explain",
        Check::NotRun(BENCH),
    ),
    (
        "python3 scripts/train_page_type.py pt.csv --metadata ../shared/benchmarks/wcxb/metadata.json",
        Check::NotRun("trains the page-type weights on the shared benchmark's features, by hand"),
    ),
    (
        "python3 scripts/language_corpus.py --out target/language-corpus",
        Check::NotRun("reads the machine's translation catalogues for minutes, by hand"),
    ),
    (
        "cargo run --release --bin lede-eval -- target/language-corpus --language",
        Check::NotRun(BENCH),
    ),
    // proto/baseline/README.md
    (
        "buf breaking --against proto/baseline/lede.v1.binpb",
        Check::NotRun("run by scripts/test, which installs buf"),
    ),
    (
        ".tools/venv/bin/buf build --exclude-source-info -o proto/baseline/lede.v1.binpb",
        Check::NotRun("rewrites the baseline, at a release only"),
    ),
];

/// The Markdown files whose commands are checked (examples/grpcurl.md has
/// its own test, grpcurl::the_cookbook_commands_run).
const DOCS: [&str; 2] = ["README.md", "proto/baseline/README.md"];

/// The shell commands of a Markdown text's `sh` blocks.
fn commands(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut pending = String::new();
    for line in markdown.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_block = !in_block && matches!(trimmed, "```sh" | "```bash" | "```shell");
            continue;
        }
        if !in_block || trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        let code = strip_comment(trimmed);
        if let Some(head) = code.strip_suffix('\\') {
            pending.push_str(head.trim_end());
            pending.push(' ');
            continue;
        }
        pending.push_str(code);
        out.push(std::mem::take(&mut pending).trim().to_owned());
    }
    out
}

/// `line` without a trailing ` # comment` outside quotes.
fn strip_comment(line: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => {
                return line.get(..i).unwrap_or(line).trim_end();
            }
            _ => {}
        }
        prev = c;
    }
    line
}

/// The files the README's commands name, in `dir`.
fn fixtures(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    };
    let page = SMALL_PAGE.as_bytes();
    for name in [
        "page.html",
        "a.html",
        "c.html",
        "crawl/one.html",
        "crawl/sub/two.htm",
        "mirror/a/b.html",
    ] {
        write(name, page);
    }
    write("b.html.gz", &gzip(page));
    let html = http("Content-Type: text/html\r\n", page);
    let mut warc = gzip(&record("warcinfo", "urn:uuid:0", "", b"a: b\r\n"));
    warc.extend(gzip(&record(
        "response",
        "urn:uuid:1",
        "https://example.com/a",
        &html,
    )));
    write("crawl.warc.gz", &warc);
    write("CC-MAIN-00000.warc.gz", &warc);
    write("CC-MAIN-00001.warc.gz", &warc);
    write(
        "pages.jsonl",
        br#"{"path": "a.html", "url": "https://example.com/a", "id": "a"}"#,
    );
    std::fs::create_dir_all(dir.join("home/.local/share/bash-completion/completions"))
        .expect("mkdir");
}

#[test]
fn every_readme_command_is_run_or_accounted_for() {
    let found: Vec<String> = DOCS
        .iter()
        .flat_map(|doc| {
            let text = std::fs::read_to_string(repo().join(doc)).expect("a README");
            commands(&text)
        })
        .collect();
    let listed: Vec<&str> = COMMANDS.iter().map(|(c, _)| *c).collect();
    let unlisted: Vec<&String> = found
        .iter()
        .filter(|c| !listed.contains(&c.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "README commands with no entry in tests/readme.rs: {unlisted:#?}"
    );
    let gone: Vec<&&str> = listed
        .iter()
        .filter(|c| !found.iter().any(|f| f == **c))
        .collect();
    assert!(
        gone.is_empty(),
        "entries whose command left the README: {gone:#?}"
    );

    for (command, check) in COMMANDS {
        if let Check::NotRun(why) = check {
            assert!(!why.is_empty(), "{command}: say why it is not run");
        }
        if let Check::Test(file, function) = check {
            let source = std::fs::read_to_string(repo().join("tests").join(file))
                .unwrap_or_else(|e| panic!("tests/{file}: {e}"));
            assert!(
                source.contains(&format!("fn {function}(")),
                "{command}: no test {function} in tests/{file}"
            );
        }
    }
}

#[test]
fn the_offline_readme_commands_run() {
    let dir = std::env::temp_dir().join(format!("lede-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    fixtures(&dir);
    let bin_dir = lede_bin().parent().expect("the binary's folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for (command, check) in COMMANDS {
        if !matches!(check, Check::Run) {
            continue;
        }
        let output = std::process::Command::new("bash")
            .args(["-o", "pipefail", "-c", command])
            .current_dir(&dir)
            .env("PATH", &path)
            .env("HOME", dir.join("home"))
            .stdin(std::fs::File::open(dir.join("page.html")).expect("stdin"))
            .output()
            .expect("bash runs");
        if !output.status.success()
            || (output.stdout.is_empty()
                && !command.contains('>')
                && !command.contains("--output-dir"))
        {
            failures.push(format!(
                "{command}: {}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    let texts = std::fs::read_dir(dir.join("texts")).map_or(0, |d| d.count());
    let site = std::fs::read_to_string(dir.join("site.jsonl")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(texts, 2, "--output-dir texts/ wrote {texts} files");
    assert!(site.contains("https://example.com/a/b.html"), "{site}");
}

/// `cargo run` (no `--bin`) runs `lede`, which serves without a
/// subcommand (cli::plain_lede_serves_on_a_host_name_with_plain_text_logs).
#[test]
fn cargo_run_picks_the_server() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--offline",
            "--format-version",
            "1",
        ])
        .current_dir(repo())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let package = &metadata["packages"][0];
    assert_eq!(package["name"], "lede");
    assert_eq!(
        package["default_run"], "lede",
        "cargo run would not know which binary"
    );
}

#[test]
fn commands_are_read_from_sh_blocks_with_comments_and_continuations() {
    let markdown = "text\n```sh\n# a comment\nlede a   # trailing\nlede b \\\n    --c 'x # y'\n```\n```json\n{}\n```\n";
    assert_eq!(commands(markdown), ["lede a", "lede b --c 'x # y'"]);
}

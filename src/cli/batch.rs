//! `lede extract` over many pages: files, folders (searched recursively) and
//! standard input, extracted on `--jobs` threads and written as JSON Lines,
//! one `ExtractResponse` per input, in input order.
//!
//! Workers take the next input from a shared counter, extract it and
//! serialise the response themselves (the JSON is half the cost of a small
//! page), then hand the line to the writer, the calling thread, which puts
//! lines back in input order and drives the progress bar. A page that
//! cannot be read or extracted gets a line with `error` set, in the shape of
//! an `ExtractStream` item, and the run goes on. Each page is extracted
//! inside its own panic boundary: a page that panics gets an `INTERNAL`
//! line, and a worker that dies anyway still sends its page's line (see
//! [`InFlight`]), so the writer never waits for a line that cannot come.

use std::{
    collections::BTreeMap,
    fs,
    io::{self, IsTerminal, Read},
    num::NonZeroUsize,
    panic::{self, AssertUnwindSafe},
    path::{Path, PathBuf},
    process::ExitCode,
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        mpsc,
    },
    thread,
    time::{Duration, Instant},
};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lede::grpc::{
    pb,
    status::{Failure, within_response_limit},
};
use tonic::Code;

use super::{ExtractArgs, output::Format};

/// File names a folder is searched for (compared in lower case), besides
/// WARC files.
const PAGE_SUFFIXES: [&str; 10] = [
    ".html",
    ".htm",
    ".xhtml",
    ".shtml",
    ".txt",
    ".html.gz",
    ".htm.gz",
    ".xhtml.gz",
    ".shtml.gz",
    ".txt.gz",
];

/// Lines finished ahead of the one due, per job, before workers wait:
/// bounds the memory held when one slow page holds up the output.
const REORDER_LINES_PER_JOB: usize = 64;

/// Failed inputs named in the summary on standard error; the others are
/// counted (every failure has its own line on standard output).
const MAX_NAMED_FAILURES: usize = 20;

/// One input of a run.
#[derive(Debug)]
pub(super) enum Source {
    /// Standard input (`-`); read once.
    Stdin,
    /// A file named on the command line or found in a folder.
    File(PathBuf),
    /// A folder that could not be listed, reported as a failed item.
    Unlisted(PathBuf, io::Error),
    /// A page file with its own URL and id (a manifest entry, or a file
    /// under `--url`'s base).
    Listed(super::manifest::Entry),
    /// An HTML response in a WARC file.
    Record(super::warc::RecordRef),
    /// An input that failed before extraction (a damaged WARC record, an
    /// empty folder, a bad manifest line), reported as a failed item.
    Failed {
        /// The id of its line.
        id: String,
        /// The gRPC code of its line.
        code: Code,
        /// What was wrong.
        message: String,
    },
}

impl Source {
    /// The id of its response: the path as given (`-` for standard input).
    fn id(&self) -> String {
        match self {
            Self::Stdin => "-".to_owned(),
            Self::File(path) | Self::Unlisted(path, _) => path.display().to_string(),
            Self::Listed(entry) => entry.id.clone(),
            Self::Record(record) => record.id.clone(),
            Self::Failed { id, .. } => id.clone(),
        }
    }
}

/// Expands the command-line paths into inputs: `-` as standard input, a
/// folder as the pages under it (sorted by path), a WARC file as its HTML
/// responses, anything else as a file, even when missing (it then fails as
/// an item). Files are given URLs under `base` when set; WARC records that
/// are no pages are counted in `skipped`.
pub(super) fn sources(
    paths: &[PathBuf],
    base: Option<&url::Url>,
    skipped: &mut super::warc::Skipped,
) -> Vec<Source> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files);
            super::inputs::folder(path, files, base, skipped, &mut out);
        } else {
            let root = path.parent().unwrap_or(Path::new(""));
            super::inputs::file(root, path.clone(), base, skipped, &mut out);
        }
    }
    out
}

/// The files under `root` (sorted by path), depth-first with an explicit
/// stack; symbolic links to folders are not followed (no cycles).
fn walk(root: &Path, out: &mut Vec<Source>) {
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                out.push(Source::Unlisted(dir, err));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() || path.is_file() {
                files.push(Source::File(path));
            }
        }
    }
    files.sort_by_key(Source::id);
    out.extend(files);
}

/// Whether a file found in a folder is a page, by its name.
pub(super) fn is_page_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    PAGE_SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

/// Reads a page; a `.gz` file is gunzipped. A `.gz` file that does not
/// inflate fails with a [`CorruptGzip`] error inside.
pub(super) fn read_page(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = fs::File::open(path)?;
    let mut bytes = Vec::new();
    let is_gzip = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"));
    if is_gzip {
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|err| io::Error::new(io::ErrorKind::InvalidData, CorruptGzip(err)))?;
    } else {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// A `.gz` file whose data does not inflate: damaged or cut short.
#[derive(Debug)]
pub(super) struct CorruptGzip(io::Error);

impl std::fmt::Display for CorruptGzip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "corrupt gzip data: {}", self.0)
    }
}

impl std::error::Error for CorruptGzip {}

/// The gRPC code a read failure would answer. None is one a client
/// retries: the same file fails the same way again.
pub(super) fn io_code(err: &io::Error) -> Code {
    if err.get_ref().is_some_and(|inner| inner.is::<CorruptGzip>()) {
        return Code::DataLoss;
    }
    match err.kind() {
        io::ErrorKind::NotFound => Code::NotFound,
        io::ErrorKind::PermissionDenied => Code::PermissionDenied,
        _ => Code::InvalidArgument,
    }
}

/// A failed item whose page could not be read.
pub(super) fn read_error(path: &str, err: &io::Error) -> pb::ItemError {
    item_error(io_code(err), format!("cannot read {path}: {err}"))
}

/// A failed item with `code`.
fn item_error(code: Code, message: String) -> pb::ItemError {
    pb::ItemError {
        code: code as i32,
        code_name: lede::grpc::status::code_name(code).to_owned(),
        message,
        field_violations: Vec::new(),
    }
}

/// One input done: its id, its document (see [`super::output::document`]:
/// the JSON line, or the Markdown or text body, or the error message of a
/// Markdown or text page) and what the progress bar counts.
#[derive(Debug)]
struct Done {
    id: String,
    line: Result<String, String>,
    bytes: usize,
    failed: bool,
}

/// The id of `source`'s response: `--id` when given, else the path.
fn response_id(source: &Source, args: &ExtractArgs) -> String {
    if args.id.is_empty() {
        source.id()
    } else {
        args.id.clone()
    }
}

/// Extracts one input into its response line, inside its own panic
/// boundary: a page that panics gets an `INTERNAL` error line of its own
/// and the other pages go on.
fn extract_source(source: &Source, stdin: Option<&[u8]>, args: &ExtractArgs) -> Done {
    let attempt = panic::catch_unwind(AssertUnwindSafe(|| try_source(source, stdin, args)));
    attempt.unwrap_or_else(|payload| {
        let reason = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        failed_line(
            response_id(source, args),
            Code::Internal,
            format!("extraction of {} panicked: {reason}", source.id()),
            args.format,
        )
    })
}

/// The line of an input that failed with `code`, in the shape of an
/// `ExtractStream` item's error.
fn failed_line(id: String, code: Code, message: String, format: Format) -> Done {
    let response = pb::ExtractResponse {
        id,
        article: None,
        error: Some(item_error(code, message)),
    };
    Done {
        line: to_line(&response, format),
        id: response.id,
        bytes: 0,
        failed: true,
    }
}

/// A response as one JSON line, or its Markdown or text document.
fn to_line(response: &pb::ExtractResponse, format: Format) -> Result<String, String> {
    match super::output::document(response, format, true) {
        // Serialising generated types cannot fail on valid UTF-8 strings;
        // should it ever, the item still gets a line.
        Err(err) if format == Format::Json => Ok(format!(
            r#"{{"id":{},"error":{{"code":13,"codeName":"INTERNAL","message":{}}}}}"#,
            serde_json::Value::from(response.id.as_str()),
            serde_json::Value::from(err),
        )),
        doc => doc,
    }
}

/// [`extract_source`] without the panic boundary.
fn try_source(source: &Source, stdin: Option<&[u8]>, args: &ExtractArgs) -> Done {
    let id = response_id(source, args);
    let input = match source {
        Source::Stdin => Ok(super::Input::new(stdin.unwrap_or_default().to_vec(), args)),
        Source::File(path) => read_page(path)
            .map(|html| super::Input::new(html, args))
            .map_err(|err| read_error(&source.id(), &err)),
        Source::Unlisted(_, err) => Err(read_error(
            &source.id(),
            &io::Error::new(err.kind(), err.to_string()),
        )),
        Source::Listed(entry) => read_page(&entry.path)
            .map(|html| super::Input::listed(html, entry, args))
            .map_err(|err| read_error(&entry.path.display().to_string(), &err)),
        Source::Record(record) => super::warc::load(record, args.limits.max_input_bytes)
            .map(|page| super::Input::record(page, args))
            .map_err(|(code, message)| item_error(code, message)),
        Source::Failed { code, message, .. } => Err(item_error(*code, message.clone())),
    };
    let bytes = input.as_ref().map_or(0, |input| input.html.len());
    let outcome = match input {
        Err(error) => Err(error),
        Ok(input) => input
            .job(args)
            .and_then(|job| job.run().map(pb::Article::from).map_err(Failure::from))
            .and_then(|article| within_response_limit(article, args.limits.max_response_bytes))
            .map_err(|failure| pb::ItemError::from(&failure)),
    };
    let failed = outcome.is_err();
    let (article, error) = match outcome {
        Ok(article) => (Some(article), None),
        Err(error) => (None, Some(error)),
    };
    let response = pb::ExtractResponse { id, article, error };
    Done {
        line: to_line(&response, args.format),
        id: response.id,
        bytes,
        failed,
    }
}

/// Counters of a run, for the progress bar and the summary.
#[derive(Debug, Default)]
struct Tally {
    pages: usize,
    failed: usize,
    bytes: usize,
    /// The first [`MAX_NAMED_FAILURES`] failed inputs, for the summary.
    failed_names: Vec<String>,
}

impl Tally {
    fn add(&mut self, done: &Done, source: Option<&Source>) {
        self.pages += 1;
        self.bytes += done.bytes;
        if done.failed {
            self.failed += 1;
            if self.failed_names.len() < MAX_NAMED_FAILURES {
                self.failed_names
                    .push(source.map_or_else(|| "?".to_owned(), Source::id));
            }
        }
    }

    /// The failed inputs, named, for the summary line.
    fn failures(&self) -> String {
        let mut out = self.failed_names.join(", ");
        let more = self.failed.saturating_sub(self.failed_names.len());
        if more > 0 {
            out.push_str(&format!(" and {more} more"));
        }
        out
    }

    fn mb_per_s(&self, elapsed: Duration) -> f64 {
        let secs = elapsed.as_secs_f64();
        if secs > 0.0 {
            self.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    }
}

/// A progress bar on standard error when it is a terminal, else hidden.
fn progress_bar(total: usize) -> ProgressBar {
    let target = if io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(total as u64), target);
    let style = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {pos}/{len} pages  {msg}  {eta} left",
    )
    .map(|style| style.progress_chars("=> "));
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}

/// Sends its page's line, an `INTERNAL` error, when dropped: a worker
/// forgets it once the page's line is made, so it fires only when the worker
/// unwinds past the panic boundary. No page is ever left without a line.
struct InFlight<'a> {
    index: usize,
    id: String,
    format: Format,
    tx: &'a mpsc::Sender<(usize, Done)>,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let message = format!("the worker extracting {} stopped", self.id);
        let id = std::mem::take(&mut self.id);
        let done = failed_line(id, Code::Internal, message, self.format);
        let _ = self.tx.send((self.index, done));
    }
}

/// The writer: puts the lines the workers send back in input order and
/// writes them, calling `progress` per line. When every worker is gone, an
/// input whose line never came (a worker that died outside the guard)
/// gets an error line, so there is always one line per input.
fn write_in_order(
    rx: mpsc::Receiver<(usize, Done)>,
    sources: &[Source],
    args: &ExtractArgs,
    tally: &mut Tally,
    written: &AtomicUsize,
    progress: &dyn Fn(&Tally),
) -> anyhow::Result<()> {
    let mut sink = match &args.output_dir {
        Some(dir) => super::output::Sink::Folder(super::output::Folder::create(dir, args.format)?),
        None => super::output::Sink::Stream {
            out: io::BufWriter::new(io::stdout().lock()),
            format: args.format,
        },
    };
    let mut pending = BTreeMap::new();
    let mut due = 0;
    let mut write = |pending: &mut BTreeMap<usize, Done>, due: &mut usize| {
        while let Some(done) = pending.remove(due) {
            sink.put(&done.id, &done.line)?;
            if pending.is_empty() {
                sink.flush()?;
            }
            *due += 1;
            written.store(*due, Ordering::Release);
        }
        anyhow::Ok(())
    };
    for (i, done) in rx {
        tally.add(&done, sources.get(i));
        progress(tally);
        pending.insert(i, done);
        write(&mut pending, &mut due)?;
    }
    for i in due..sources.len() {
        if let Some(source) = sources.get(i)
            && !pending.contains_key(&i)
        {
            let message = format!("no result for {}: its worker stopped", source.id());
            let id = response_id(source, args);
            let done = failed_line(id, Code::Internal, message, args.format);
            tally.add(&done, Some(source));
            pending.insert(i, done);
        }
    }
    write(&mut pending, &mut due)?;
    sink.flush()
}

/// Runs `lede extract` in JSON Lines mode over `sources`: exit 0 when every
/// page was extracted, 1 when any failed (each failure is its own line).
pub(super) fn run(args: &ExtractArgs, sources: &[Source]) -> anyhow::Result<ExitCode> {
    if sources.len() > 1 && !args.id.is_empty() {
        anyhow::bail!(
            "--id names one page, but {} pages were given",
            sources.len()
        );
    }
    let stdin = if sources.iter().any(|s| matches!(s, Source::Stdin)) {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        Some(buf)
    } else {
        None
    };
    let cores = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let jobs = args
        .jobs
        .map_or(cores, NonZeroUsize::get)
        .min(sources.len())
        .max(1);
    let started = Instant::now();
    let bar = progress_bar(sources.len());
    let mut tally = Tally::default();
    let next = AtomicUsize::new(0);
    // Workers stop taking pages this far ahead of the writer.
    let written = AtomicUsize::new(0);
    // Set when the writer stops early (standard output closed): workers
    // waiting for the writer to catch up stop instead.
    let writer_gone = AtomicBool::new(false);
    let window = jobs.saturating_mul(REORDER_LINES_PER_JOB);
    let (tx, rx) = mpsc::channel::<(usize, Done)>();

    let written_out = thread::scope(|scope| -> anyhow::Result<()> {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                let tx = tx.clone();
                let (next, written, writer_gone) = (&next, &written, &writer_gone);
                let stdin = stdin.as_deref();
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(i) else { break };
                        while i >= written.load(Ordering::Acquire).saturating_add(window) {
                            if writer_gone.load(Ordering::Acquire) {
                                return;
                            }
                            thread::park_timeout(Duration::from_millis(1));
                        }
                        // Should the worker die on this page after all, the
                        // guard still sends the page's line as it unwinds.
                        let guard = InFlight {
                            index: i,
                            id: response_id(source, args),
                            format: args.format,
                            tx: &tx,
                        };
                        let done = extract_source(source, stdin, args);
                        std::mem::forget(guard);
                        if tx.send((i, done)).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        let outcome = write_in_order(rx, sources, args, &mut tally, &written, &|tally| {
            bar.inc(1);
            bar.set_message(format!(
                "{:.1} MB/s  {} failed",
                tally.mb_per_s(started.elapsed()),
                tally.failed
            ));
        });
        if outcome.is_err() {
            writer_gone.store(true, Ordering::Release);
        }
        // Joined here, so that a worker that died is counted, not re-raised
        // by the scope; its page already has its line.
        for worker in workers {
            if worker.join().is_err() {
                eprintln!("lede: an extraction worker stopped");
            }
        }
        outcome
    });
    // On a write error the receiver is gone: the workers stop at their next
    // send (or wait), and the scope has joined them.
    written_out?;
    bar.finish_and_clear();
    let elapsed = started.elapsed();
    let secs = elapsed.as_secs_f64();
    eprintln!(
        "lede: {} ({} extracted, {} failed), {:.1} MB in {:.2} s: {:.1} pages/s, {:.1} MB/s, {}",
        super::count(tally.pages, "page"),
        tally.pages - tally.failed,
        tally.failed,
        tally.bytes as f64 / 1e6,
        secs,
        if secs > 0.0 {
            tally.pages as f64 / secs
        } else {
            0.0
        },
        tally.mb_per_s(elapsed),
        super::count(jobs, "job"),
    );
    if tally.failed > 0 {
        eprintln!("lede: failed: {}", tally.failures());
    }
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn page_names_are_recognised_by_suffix_in_any_case() {
        for name in [
            "a.html",
            "b.HTM",
            "c.txt",
            "d.html.gz",
            "e.Html.GZ",
            "f.xhtml",
            "g.shtml",
        ] {
            assert!(is_page_name(Path::new(name)), "{name}");
        }
        for name in ["a.css", "b.gz", "c.json", "html", "d.tar.gz"] {
            assert!(!is_page_name(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn folders_expand_to_their_pages_sorted_and_recursively() {
        let root = std::env::temp_dir().join(format!("lede-batch-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("sub/deeper")).expect("mkdir");
        for name in [
            "b.html",
            "a.txt",
            "skip.css",
            "sub/c.htm",
            "sub/deeper/d.html.gz",
        ] {
            fs::write(root.join(name), b"x").expect("write");
        }
        let found = sources(
            &[root.clone(), PathBuf::from("-")],
            None,
            &mut super::super::warc::Skipped::new(),
        );
        let ids: Vec<String> = found
            .iter()
            .map(|s| {
                s.id()
                    .strip_prefix(&root.display().to_string())
                    .map_or_else(|| s.id(), str::to_owned)
            })
            .collect();
        let _ = fs::remove_dir_all(&root);
        assert_eq!(
            ids,
            [
                "/a.txt",
                "/b.html",
                "/sub/c.htm",
                "/sub/deeper/d.html.gz",
                "-"
            ]
        );
    }

    #[test]
    fn read_failures_map_to_grpc_codes() {
        let missing = io::Error::from(io::ErrorKind::NotFound);
        let item = read_error("x.html", &missing);
        assert_eq!(item.code_name, "NOT_FOUND");
        assert!(item.message.starts_with("cannot read x.html"));
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_code(&denied), Code::PermissionDenied);
        // Nothing a client would retry: the file fails the same way again.
        for kind in [
            io::ErrorKind::UnexpectedEof,
            io::ErrorKind::Interrupted,
            io::ErrorKind::IsADirectory,
            io::ErrorKind::Other,
        ] {
            assert_eq!(
                io_code(&io::Error::from(kind)),
                Code::InvalidArgument,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn corrupt_and_truncated_gzip_files_are_data_loss() {
        let dir = std::env::temp_dir().join(format!("lede-gz-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("mkdir");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>Some page text, long enough to compress.</p>")
            .expect("gzip");
        let whole = gz.finish().expect("gzip");
        let cut = whole.get(..whole.len() / 2).expect("a half");
        let mut flipped = whole.clone();
        if let Some(b) = flipped.get_mut(12) {
            *b ^= 0xff;
        }
        for (name, bytes) in [("cut.html.gz", cut), ("flipped.html.gz", &flipped[..])] {
            let path = dir.join(name);
            fs::write(&path, bytes).expect("write");
            let err = read_page(&path).expect_err("does not inflate");
            assert_eq!(io_code(&err), Code::DataLoss, "{name}: {err}");
            let item = read_error(name, &err);
            assert_eq!(item.code_name, "DATA_LOSS");
            assert!(
                item.message.contains("corrupt gzip data"),
                "{}",
                item.message
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }
}

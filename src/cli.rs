//! The command line of the `lede` binary: `serve` (the default), `extract`
//! and `health`, every setting also read from a `LEDE_*` variable.
//!
//! Files: `cli.rs` (the commands and their arguments), `cli/inputs.rs`
//! (which of the paths given are pages and which WARC files),
//! `cli/manifest.rs` (`--manifest`: each page with its URL and id),
//! `cli/batch.rs` (many pages on `--jobs` threads, as JSON Lines),
//! `cli/output.rs` (what is written, where), `cli/warc/` (WARC input: the
//! scan and load in `mod.rs`, one record in `record.rs`, payload decoding
//! in `payload.rs`).

mod batch;
mod inputs;
mod manifest;
mod output;
mod warc;

use std::{
    io::{self, Read, Write},
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    num::NonZeroUsize,
    path::{Path, PathBuf},
    process::ExitCode,
    time::Duration,
};

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use lede::{
    config::{Config, DEFAULT_LISTEN, Limits, parse_duration, parse_listen},
    extract::Options,
    grpc::{pb, status::Failure},
    job::Job,
};
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

/// lede turns raw HTML into a structured article, over gRPC or on the
/// command line.
#[derive(Debug, Parser)]
#[command(name = "lede", version, about, args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// Log filter (tracing-subscriber's EnvFilter syntax), e.g. `info`,
    /// `lede=debug`.
    #[arg(long, env = "LEDE_LOG", default_value = "info", global = true)]
    pub(crate) log: String,
    /// Log format.
    #[arg(long, env = "LEDE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub(crate) log_format: LogFormat,
    /// OpenTelemetry collector to export trace spans to over OTLP/gRPC, e.g.
    /// `http://otel-collector:4317`; empty for none (feature `otel`).
    #[cfg(feature = "otel")]
    #[arg(long, env = "LEDE_OTLP_ENDPOINT", default_value = "", global = true)]
    pub(crate) otlp_endpoint: String,
    /// Settings of `serve`, when run without a subcommand (listed after
    /// the subcommands and the common options; last, as its heading applies
    /// to every argument after it).
    #[command(
        flatten,
        next_help_heading = "Server options (also `lede serve --help`)"
    )]
    pub(crate) serve: Config,
}

/// How log lines look.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Serve the gRPC API (the default).
    Serve(Config),
    /// Extract pages and print their ExtractResponses as JSON (the proto3
    /// JSON mapping, as grpcurl prints it): one page as one document, many
    /// pages or a folder as JSON Lines.
    Extract(ExtractArgs),
    /// Ask a running server's grpc.health.v1 service; exit 0 when SERVING.
    Health(HealthArgs),
    /// Print a shell completion script, e.g. `lede completions bash >
    /// ~/.local/share/bash-completion/completions/lede`.
    Completions(CompletionsArgs),
}

/// Arguments of `lede completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

/// Runs `lede completions`: the script on standard output.
pub(crate) fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    // Generated in memory: the generator panics on a write error (a closed
    // pipe), written here it is an error message.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "lede", &mut script);
    io::stdout()
        .lock()
        .write_all(&script)
        .context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `lede extract`.
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The pages: HTML files, snapshots (`.txt`), gzipped files (`.gz`),
    /// WARC files (`.warc`, `.warc.gz`: their HTML responses), folders
    /// (searched recursively for those, `.xhtml` and `.shtml` too, and HTML
    /// files without an extension), or `-` for standard input.
    #[arg(required_unless_present = "manifest")]
    pub(crate) paths: Vec<PathBuf>,
    /// JSON Lines of `{"path": ..., "url": ..., "id": ...}`, one page each
    /// (relative paths from the manifest's folder); `-` for standard input.
    #[arg(long, value_name = "FILE")]
    pub(crate) manifest: Option<PathBuf>,
    /// The page URL: base for relative links and a metadata hint. For many
    /// pages, their common base: each file's URL is its path under its
    /// folder (or its name) resolved against it. WARC records have their
    /// own.
    #[arg(long)]
    pub(crate) url: Option<String>,
    /// The transport's Content-Type header, e.g. `text/html; charset=gbk`.
    #[arg(long)]
    pub(crate) content_type: Option<String>,
    /// Also return the body as clean HTML (`article.html`).
    #[arg(long)]
    pub(crate) html: bool,
    /// Also return the body as Markdown (`article.markdown`).
    #[arg(long)]
    pub(crate) markdown: bool,
    /// Open the Markdown with the article's title as a level-one heading
    /// (`# Title`); the body's own headings keep their levels.
    #[arg(long)]
    pub(crate) markdown_title: bool,
    /// The time of the request in RFC 3339, e.g. `2024-06-18T14:05:00Z`: the
    /// "now" that relative dates ("3 hours ago") are resolved against, for
    /// pages that are not snapshots with their own capture time. Without it
    /// relative dates are left out (no clock is read).
    #[arg(long)]
    pub(crate) now: Option<String>,
    /// An id to echo in the response (one page only; by default the path).
    #[arg(long, default_value = "")]
    pub(crate) id: String,
    /// Print the JSON on one line.
    #[arg(long)]
    pub(crate) compact: bool,
    /// What to write per page: the response as JSON, or the article body
    /// as Markdown or text.
    #[arg(long, value_enum, default_value_t = output::Format::Json)]
    pub(crate) format: output::Format,
    /// Write one file per page into this folder (created if needed), named
    /// from the page's id (`.json`, `.md` or `.txt`), instead of standard
    /// output.
    #[arg(long, value_name = "DIR")]
    pub(crate) output_dir: Option<PathBuf>,
    /// Write JSON Lines, one response per page in input order, failures as
    /// the item's `error`; the default for many pages or a folder.
    #[arg(long)]
    pub(crate) jsonl: bool,
    /// Pages extracted at once (JSON Lines mode); the number of cores by
    /// default.
    #[arg(long, short = 'j')]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// Extraction limits.
    #[command(flatten)]
    pub(crate) limits: Limits,
}

/// Arguments of `lede health`.
#[derive(Debug, Args)]
pub(crate) struct HealthArgs {
    /// The server, e.g. `http://127.0.0.1:50051`; by default the loopback
    /// address on the port of LEDE_LISTEN.
    #[arg(long, env = "LEDE_HEALTH_ADDR")]
    pub(crate) addr: Option<String>,
    /// The service to ask about; empty for the server as a whole.
    #[arg(long, env = "LEDE_HEALTH_SERVICE", default_value = "")]
    pub(crate) service: String,
    /// How long to wait for the answer.
    #[arg(long, env = "LEDE_HEALTH_TIMEOUT", default_value = "3s", value_parser = parse_duration)]
    pub(crate) timeout: Duration,
    /// The server's listen address, to find its port.
    #[arg(long, env = "LEDE_LISTEN", default_value = DEFAULT_LISTEN, value_parser = parse_listen, hide = true)]
    pub(crate) listen: String,
}

/// Runs `lede extract`. One file or `-` without `--jsonl`: prints its
/// response JSON, or the failure on stderr with exit code 1. Otherwise JSON
/// Lines over every page (see [`batch`]).
pub(crate) fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    match args.paths.as_slice() {
        [path]
            if !args.jsonl
                && args.manifest.is_none()
                && !path.is_dir()
                && !warc::is_warc_name(path) =>
        {
            extract_one(args, path)
        }
        paths => {
            let many = paths.len() > 1
                || args.manifest.is_some()
                || paths.iter().any(|p| p.is_dir() || warc::is_warc_name(p));
            let base = match &args.url {
                Some(url) if many => Some(
                    url::Url::parse(url)
                        .with_context(|| format!("--url {url:?} is not an absolute URL"))?,
                ),
                _ => None,
            };
            let mut skipped = warc::Skipped::new();
            let mut sources = batch::sources(paths, base.as_ref(), &mut skipped);
            if let Some(manifest) = &args.manifest {
                sources.extend(manifest::read(manifest)?);
            }
            let outcome = batch::run(args, &sources);
            if !skipped.is_empty() {
                let kinds: Vec<String> = skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
                let total = skipped.values().sum();
                eprintln!(
                    "lede: skipped, not HTML responses: {} ({})",
                    count(total, "WARC record"),
                    kinds.join(", ")
                );
            }
            outcome
        }
    }
}

/// A page as `lede extract` asks for it: the bytes, the URL, the
/// transport's Content-Type and the capture time (from the flags, a
/// manifest or a WARC record).
#[derive(Debug)]
struct Input {
    html: Vec<u8>,
    url: String,
    content_type: String,
    /// The "now" of relative dates: a WARC record's `WARC-Date`, else
    /// `--now`.
    now: String,
}

impl Input {
    /// A page with the URL and Content-Type of the flags.
    fn new(html: Vec<u8>, args: &ExtractArgs) -> Self {
        Self {
            html,
            url: args.url.clone().unwrap_or_default(),
            content_type: args.content_type.clone().unwrap_or_default(),
            now: args.now.clone().unwrap_or_default(),
        }
    }

    /// A page listed with its own URL.
    fn listed(html: Vec<u8>, entry: &manifest::Entry, args: &ExtractArgs) -> Self {
        Self {
            url: entry.url.clone(),
            ..Self::new(html, args)
        }
    }

    /// A WARC record's page: its URL, its HTTP Content-Type, and its
    /// capture time (`--now` when the record has none it can read).
    fn record(page: warc::Page, args: &ExtractArgs) -> Self {
        Self {
            html: page.html,
            url: page.url,
            content_type: page.content_type,
            // A date lede cannot read is the record's fault, not the page's.
            now: if chrono::DateTime::parse_from_rfc3339(page.date.trim()).is_ok() {
                page.date
            } else {
                args.now.clone().unwrap_or_default()
            },
        }
    }

    /// The job of this page under the flags of `lede extract`.
    fn job(self, args: &ExtractArgs) -> Result<Job, Failure> {
        let options = Options {
            include_html: args.html,
            include_markdown: args.markdown || args.format == output::Format::Markdown,
            markdown_title: args.markdown_title,
            ..args.limits.options()
        };
        let url = Some(self.url).filter(|u| !u.is_empty());
        let content_type = Some(self.content_type).filter(|c| !c.is_empty());
        let job = Job::new(self.html, url, content_type, options)?;
        Ok(job.with_request_time(Some(self.now))?)
    }
}

/// `lede extract` of one page, printed as one JSON document.
fn extract_one(args: &ExtractArgs, path: &Path) -> anyhow::Result<ExitCode> {
    let html = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        match batch::read_page(path) {
            Ok(html) => html,
            Err(err) => {
                // The code a batch line would carry (never a retryable one).
                let item = batch::read_error(&path.display().to_string(), &err);
                eprintln!("lede: {}: {}", item.code_name, item.message);
                return Ok(ExitCode::FAILURE);
            }
        }
    };
    // The same path as the Extract RPC: a job, its article, the wire form.
    let article = Input::new(html, args)
        .job(args)
        .and_then(|job| job.run().map(pb::Article::from).map_err(Failure::from))
        .and_then(|article| {
            lede::grpc::status::within_response_limit(article, args.limits.max_response_bytes)
        });
    let article = match article {
        Ok(article) => article,
        Err(failure) => {
            let code = lede::grpc::status::code_name(failure.code());
            eprintln!("lede: {code}: {}", failure.message());
            return Ok(ExitCode::FAILURE);
        }
    };
    let response = pb::ExtractResponse {
        id: args.id.clone(),
        article: Some(article),
        error: None,
    };
    let doc = output::document(&response, args.format, args.compact).map_err(anyhow::Error::msg)?;
    if let Some(dir) = &args.output_dir {
        let id = if args.id.is_empty() {
            path.display().to_string()
        } else {
            args.id.clone()
        };
        output::Sink::<io::Stdout>::Folder(output::Folder::create(dir, args.format)?)
            .put(&id, &Ok(doc))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{}", doc.trim_end()).context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `lede health`: exit 0 when the server answers SERVING.
pub(crate) async fn health(args: &HealthArgs) -> anyhow::Result<ExitCode> {
    let addr = match &args.addr {
        Some(addr) if addr.contains("://") => addr.clone(),
        Some(addr) => format!("http://{addr}"),
        None => format!("http://{}", loopback(&args.listen)),
    };
    let channel = tonic::transport::Endpoint::from_shared(addr.clone())
        .with_context(|| format!("invalid address {addr}"))?
        .connect_timeout(args.timeout)
        .timeout(args.timeout);
    let answer = async {
        let channel = channel.connect().await?;
        let response = HealthClient::new(channel)
            .check(HealthCheckRequest {
                service: args.service.clone(),
            })
            .await?;
        anyhow::Ok(response.into_inner().status())
    };
    match answer.await {
        Ok(status) => {
            println!("{}", status.as_str_name());
            Ok(
                if status == tonic_health::pb::health_check_response::ServingStatus::Serving {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                },
            )
        }
        Err(err) => {
            eprintln!("lede: health check of {addr} failed: {err:#}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `n` and `noun`, plural unless `n` is 1: "1 page", "2 pages".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `listen` with an unspecified IP (`0.0.0.0`, `::`) replaced by loopback;
/// a host name is kept.
fn loopback(listen: &str) -> String {
    let Ok(addr) = listen.parse::<SocketAddr>() else {
        return listen.to_owned();
    };
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port()).to_string()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_variable_is_in_the_readme_table() {
        let readme = include_str!("../README.md");
        let root = Cli::command();
        let mut commands = vec![&root];
        commands.extend(root.get_subcommands());
        let mut seen = 0;
        for command in commands {
            for arg in command.get_arguments() {
                if let Some(env) = arg.get_env().and_then(|e| e.to_str()) {
                    seen += 1;
                    assert!(
                        readme.contains(&format!("| `{env}` |")),
                        "{env} is missing from the README's configuration table"
                    );
                }
            }
        }
        assert!(seen >= 12, "only {seen} variables found");
    }

    #[test]
    fn markdown_title_is_a_flag_of_extract() {
        let cli = Cli::try_parse_from(["lede", "extract", "page.html", "--markdown-title"])
            .expect("parses");
        assert!(matches!(cli.command, Some(Command::Extract(a)) if a.markdown_title));
        let cli = Cli::try_parse_from(["lede", "extract", "page.html"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Extract(a)) if !a.markdown_title));
    }

    #[test]
    fn counts_are_plural_unless_one() {
        assert_eq!(count(0, "page"), "0 pages");
        assert_eq!(count(1, "page"), "1 page");
        assert_eq!(count(2, "job"), "2 jobs");
    }

    #[test]
    fn plain_lede_serves_and_health_follows_the_listen_port() {
        let cli = Cli::try_parse_from(["lede", "--listen", "127.0.0.1:7000"]).expect("parses");
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.listen, "127.0.0.1:7000");
        assert_eq!(loopback("0.0.0.0:50051"), "127.0.0.1:50051");
        assert_eq!(loopback("[::]:50051"), "[::1]:50051");
        assert_eq!(loopback("localhost:7000"), "localhost:7000");
    }
}

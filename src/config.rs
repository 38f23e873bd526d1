//! Settings of the server and of the extraction limits, read once at start-up
//! from flags and `LEDE_*` environment variables (clap derive), with every
//! default a named constant.
//!
//! The parsed [`Config`] is plain data: [`crate::server::run`] takes it as
//! is, and tests build one with [`Config::default`].

use std::{net::SocketAddr, num::NonZeroUsize, time::Duration};

use clap::Args;

use crate::extract::{
    Options,
    options::{
        DEFAULT_MAX_ATTRIBUTE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_FIGURES,
        DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_RELATED_LINKS, DEFAULT_MAX_TEXT_NODE_BYTES,
    },
};

/// Default listen address: every interface, gRPC's customary port.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:50051";
/// Default address of the Prometheus `/metrics` listener.
pub const DEFAULT_METRICS_LISTEN: &str = "0.0.0.0:9090";
/// Default largest gRPC message, both ways: 64 MiB, room for any real page
/// (tonic's own default of 4 MB refuses some long pages with inline images).
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// Default request deadline when the client sets none, per item of a stream.
pub const DEFAULT_REQUEST_TIMEOUT: &str = "30s";
/// Default time given to in-flight calls after SIGTERM/SIGINT.
pub const DEFAULT_SHUTDOWN_GRACE: &str = "10s";
/// Default largest encoded article returned, in bytes: half the default
/// message limit, so a response always fits in a message with room to spare.
/// A page near the input limit with its HTML and Markdown renderings asked
/// for can exceed it; it then fails alone with `RESOURCE_EXHAUSTED`.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;
/// Default number of requests allowed to wait for an extraction slot before
/// new ones are shed with `RESOURCE_EXHAUSTED`.
pub const DEFAULT_MAX_QUEUED: usize = 256;

/// Limits of one extraction, shared by the server and `lede extract`.
#[derive(Debug, Clone, Args)]
pub struct Limits {
    /// Largest page accepted, in bytes (after gRPC decompression).
    #[arg(long, env = "LEDE_MAX_INPUT_BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    pub max_input_bytes: usize,
    /// Largest number of elements in a parsed page.
    #[arg(long, env = "LEDE_MAX_ELEMENTS", default_value_t = DEFAULT_MAX_ELEMENTS)]
    pub max_elements: usize,
    /// Deepest element nesting kept; deeper tags are dropped, their text
    /// kept.
    #[arg(long, env = "LEDE_MAX_DEPTH", default_value_t = DEFAULT_MAX_DEPTH)]
    pub max_depth: usize,
    /// Longest text node kept, in bytes; longer ones are cut.
    #[arg(long, env = "LEDE_MAX_TEXT_NODE_BYTES", default_value_t = DEFAULT_MAX_TEXT_NODE_BYTES)]
    pub max_text_node_bytes: usize,
    /// Longest attribute value kept, in bytes; longer ones are dropped.
    #[arg(long, env = "LEDE_MAX_ATTRIBUTE_BYTES", default_value_t = DEFAULT_MAX_ATTRIBUTE_BYTES)]
    pub max_attribute_bytes: usize,
    /// Most figures returned per article.
    #[arg(long, env = "LEDE_MAX_FIGURES", default_value_t = DEFAULT_MAX_FIGURES)]
    pub max_figures: usize,
    /// Most related links returned per article.
    #[arg(long, env = "LEDE_MAX_RELATED_LINKS", default_value_t = DEFAULT_MAX_RELATED_LINKS)]
    pub max_related_links: usize,
    /// Largest article returned, in bytes (protobuf-encoded); a larger one
    /// fails its request with RESOURCE_EXHAUSTED. Keep it below
    /// --max-message-bytes.
    #[arg(long, env = "LEDE_MAX_RESPONSE_BYTES", default_value_t = DEFAULT_MAX_RESPONSE_BYTES)]
    pub max_response_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            max_text_node_bytes: DEFAULT_MAX_TEXT_NODE_BYTES,
            max_attribute_bytes: DEFAULT_MAX_ATTRIBUTE_BYTES,
            max_figures: DEFAULT_MAX_FIGURES,
            max_related_links: DEFAULT_MAX_RELATED_LINKS,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl Limits {
    /// The extraction options these limits allow, with no optional outputs.
    pub fn options(&self) -> Options {
        Options {
            max_input_bytes: self.max_input_bytes,
            max_elements: self.max_elements,
            max_depth: self.max_depth,
            max_text_node_bytes: self.max_text_node_bytes,
            max_attribute_bytes: self.max_attribute_bytes,
            max_figures: self.max_figures,
            max_related_links: self.max_related_links,
            ..Options::default()
        }
    }
}

/// Settings of `lede serve`.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to listen on: `IP:PORT` or `HOST:PORT` (e.g.
    /// `localhost:50051`, resolved when binding).
    #[arg(long, env = "LEDE_LISTEN", default_value = DEFAULT_LISTEN, value_parser = parse_listen)]
    pub listen: String,
    /// Largest gRPC message accepted or sent, in bytes. It bounds a
    /// compressed request twice: as received, and as inflated (decompression
    /// stops at this size and the call is refused with RESOURCE_EXHAUSTED).
    #[arg(long, env = "LEDE_MAX_MESSAGE_BYTES", default_value_t = DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
    /// Extractions run at once; 0 means one per CPU core.
    #[arg(long, env = "LEDE_CONCURRENCY", default_value_t = 0)]
    pub concurrency: usize,
    /// Requests that may wait for an extraction slot before new ones are
    /// refused with RESOURCE_EXHAUSTED.
    #[arg(long, env = "LEDE_MAX_QUEUED", default_value_t = DEFAULT_MAX_QUEUED)]
    pub max_queued: usize,
    /// Items of one ExtractStream call in flight at once; 0 means one per CPU
    /// core.
    #[arg(long, env = "LEDE_STREAM_CONCURRENCY", default_value_t = 0)]
    pub stream_concurrency: usize,
    /// Deadline of a call (of each item, for streams) when the client sets
    /// none or a longer one, e.g. `30s`, `500ms`, `2m`.
    #[arg(long, env = "LEDE_REQUEST_TIMEOUT", default_value = DEFAULT_REQUEST_TIMEOUT, value_parser = parse_duration)]
    pub request_timeout: Duration,
    /// Time given to in-flight calls after SIGTERM/SIGINT before the server
    /// stops anyway.
    #[arg(long, env = "LEDE_SHUTDOWN_GRACE", default_value = DEFAULT_SHUTDOWN_GRACE, value_parser = parse_duration)]
    pub shutdown_grace: Duration,
    /// Address of the Prometheus metrics listener (`GET /metrics`); empty or
    /// `off` to serve no metrics.
    #[arg(long, env = "LEDE_METRICS_LISTEN", default_value = DEFAULT_METRICS_LISTEN, value_parser = parse_optional_addr)]
    pub metrics_listen: ::std::option::Option<SocketAddr>,
    /// Extraction limits.
    #[command(flatten)]
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN.to_owned(),
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            concurrency: 0,
            max_queued: DEFAULT_MAX_QUEUED,
            stream_concurrency: 0,
            request_timeout: parse_duration(DEFAULT_REQUEST_TIMEOUT)
                .expect("DEFAULT_REQUEST_TIMEOUT is a valid duration"),
            shutdown_grace: parse_duration(DEFAULT_SHUTDOWN_GRACE)
                .expect("DEFAULT_SHUTDOWN_GRACE is a valid duration"),
            metrics_listen: parse_optional_addr(DEFAULT_METRICS_LISTEN)
                .expect("DEFAULT_METRICS_LISTEN is a valid socket address"),
            limits: Limits::default(),
        }
    }
}

impl Config {
    /// Extractions run at once: the setting, or the number of CPU cores.
    pub fn effective_concurrency(&self) -> usize {
        or_cores(self.concurrency)
    }

    /// Items of one stream in flight at once: the setting, or the number of
    /// CPU cores.
    pub fn effective_stream_concurrency(&self) -> usize {
        or_cores(self.stream_concurrency)
    }
}

/// `n`, or the number of CPU cores when `n` is 0.
fn or_cores(n: usize) -> usize {
    if n > 0 {
        n
    } else {
        std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
    }
}

/// Checks a listen address: `IP:PORT`, `[IPv6]:PORT` or `HOST:PORT` with a
/// numeric port. Host names are resolved when binding, not here.
///
/// # Errors
///
/// A message naming the value when it has no host or no valid port.
pub fn parse_listen(text: &str) -> Result<String, String> {
    let text = text.trim();
    let valid = text.parse::<SocketAddr>().is_ok()
        || text.rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty()
                && !host.contains(':')
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
                && port.parse::<u16>().is_ok()
        });
    if valid {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "invalid address `{text}`; expected HOST:PORT, e.g. `0.0.0.0:50051` or `localhost:50051`"
        ))
    }
}

/// Parses a socket address, or `None` for an empty value or `off`.
///
/// # Errors
///
/// A message naming the value when it is neither.
pub fn parse_optional_addr(text: &str) -> Result<Option<SocketAddr>, String> {
    match text.trim() {
        "" | "off" => Ok(None),
        addr => addr.parse().map(Some).map_err(|e| {
            format!("invalid address `{addr}` ({e}); expected e.g. `0.0.0.0:9090`, or `off`")
        }),
    }
}

/// Parses a duration written as a number and a unit (`ms`, `s`, `m`, `h`);
/// a bare number is seconds.
///
/// # Errors
///
/// A message naming the value when it is not such a duration.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("invalid duration `{text}` (expected e.g. `30s`, `500ms`, `2m`)"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" => value * 60.0,
        "h" => value * 3600.0,
        other => return Err(format!("invalid duration unit `{other}` in `{text}`")),
    };
    Duration::try_from_secs_f64(seconds).map_err(|e| format!("invalid duration `{text}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_durations_with_units() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1.5"), Ok(Duration::from_millis(1500)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("3 days").is_err());
    }

    #[test]
    fn metrics_listen_can_be_turned_off() {
        assert_eq!(parse_optional_addr(""), Ok(None));
        assert_eq!(parse_optional_addr("off"), Ok(None));
        assert_eq!(
            parse_optional_addr("127.0.0.1:9090"),
            Ok(Some(SocketAddr::from(([127, 0, 0, 1], 9090))))
        );
        assert!(parse_optional_addr("9090").is_err());
        assert!(Config::default().metrics_listen.is_some());
    }

    #[test]
    fn listen_takes_addresses_and_host_names_with_a_port() {
        for ok in [
            "0.0.0.0:50051",
            "[::1]:7000",
            "localhost:50051",
            "lede.svc-1.local:1",
        ] {
            assert_eq!(parse_listen(ok).as_deref(), Ok(ok), "{ok}");
        }
        for bad in [
            "localhost",
            "50051",
            ":50051",
            "host:port",
            "a b:1",
            "::1:99999",
        ] {
            assert!(parse_listen(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn zero_concurrency_means_the_cores() {
        let config = Config::default();
        assert!(config.effective_concurrency() >= 1);
        let config = Config {
            concurrency: 3,
            ..Config::default()
        };
        assert_eq!(config.effective_concurrency(), 3);
    }
}

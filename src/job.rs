//! [`Job`]: the unit of work, one page and the options to extract it with.
//!
//! The gRPC service, `lede extract` and its batch mode all run pages the
//! same way: each turns its own input (a request, a file and flags) into a
//! [`Job`] with [`Job::new`], then calls [`Job::run`] (or
//! [`Job::run_timed`], which also reports the time of each stage). The job
//! owns its input so that it can move into a blocking task or a worker
//! thread; it knows nothing of the transport that brought it.

use chrono::{DateTime, Utc};
use url::Url;

use crate::article::Article;
use crate::extract::{self, ExtractError, Input, Options, Timings};

/// One page to extract, owned so that it can move into a blocking task.
#[derive(Debug, Clone)]
pub struct Job {
    /// The page bytes as sent.
    pub html: Vec<u8>,
    /// The page URL, if given; an absolute URL.
    pub url: Option<String>,
    /// The transport's Content-Type header, if given.
    pub content_type: Option<String>,
    /// Limits and toggles.
    pub options: Options,
}

/// Why a [`Job`] cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// The page URL is given but is not an absolute URL.
    #[error("not an absolute URL ({reason}): {url:?}")]
    Url {
        /// The URL as given.
        url: String,
        /// What the URL parser objected to.
        reason: url::ParseError,
    },
    /// The request time is given but is not an RFC 3339 time.
    #[error("not an RFC 3339 time ({reason}): {text:?}")]
    RequestTime {
        /// The time as given.
        text: String,
        /// What the time parser objected to.
        reason: chrono::ParseError,
    },
}

/// The request's "now" (an RFC 3339 time, in any offset), the reference for
/// relative dates when the page carries no capture time; an empty or blank
/// `text` is none.
///
/// # Errors
///
/// [`JobError::RequestTime`] when `text` is not an RFC 3339 time.
pub fn request_time(text: &str) -> Result<Option<DateTime<Utc>>, JobError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    DateTime::parse_from_rfc3339(text)
        .map(|at| Some(at.with_timezone(&Utc)))
        .map_err(|reason| JobError::RequestTime {
            text: text.to_owned(),
            reason,
        })
}

impl Job {
    /// The job of one page. An empty `url` or `content_type` counts as
    /// none (the proto3 default of a string field).
    ///
    /// # Errors
    ///
    /// [`JobError::Url`] when `url` is given but is not an absolute URL.
    pub fn new(
        html: Vec<u8>,
        url: Option<String>,
        content_type: Option<String>,
        options: Options,
    ) -> Result<Self, JobError> {
        let url = url.filter(|u| !u.is_empty());
        if let Some(url) = &url
            && let Err(reason) = Url::parse(url)
        {
            return Err(JobError::Url {
                url: url.clone(),
                reason,
            });
        }
        Ok(Self {
            html,
            url,
            content_type: content_type.filter(|c| !c.is_empty()),
            options,
        })
    }

    /// The library's view of the job's input.
    fn input(&self) -> Input<'_> {
        Input {
            html: &self.html,
            url: self.url.as_deref(),
            content_type: self.content_type.as_deref(),
        }
    }

    /// Runs the extraction, synchronously (call it off an async reactor).
    ///
    /// # Errors
    ///
    /// The library's [`ExtractError`] on bad input or an exceeded limit.
    pub fn run(&self) -> Result<Article, ExtractError> {
        extract::extract(&self.input(), &self.options)
    }

    /// [`Job::run`], also returning the time of each stage (the stages not
    /// reached after a failure stay zero).
    pub fn run_timed(&self) -> (Result<Article, ExtractError>, Timings) {
        let mut timings = Timings::default();
        let article = extract::extract_timed(&self.input(), &self.options, &mut timings);
        (article, timings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_keep_their_options_and_drop_empty_strings() {
        let options = Options {
            max_input_bytes: 10,
            include_markdown: true,
            ..Options::default()
        };
        let job = Job::new(
            b"<p>x</p>".to_vec(),
            Some("https://x.test/a".to_owned()),
            Some(String::new()),
            options,
        )
        .expect("a valid job");
        assert_eq!(job.options.max_input_bytes, 10);
        assert!(job.options.include_markdown && !job.options.include_html);
        assert_eq!(job.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(job.content_type, None);
        let job = Job::new(Vec::new(), Some(String::new()), None, Options::default());
        assert_eq!(job.map(|j| j.url), Ok(None));
    }

    #[test]
    fn a_relative_url_is_refused() {
        let err = Job::new(
            Vec::new(),
            Some("/relative".to_owned()),
            None,
            Options::default(),
        )
        .unwrap_err();
        assert!(matches!(&err, JobError::Url { url, .. } if url == "/relative"));
        assert!(
            err.to_string().starts_with("not an absolute URL ("),
            "{err}"
        );
    }

    #[test]
    fn a_job_runs_timed_or_not_to_the_same_article() {
        let html = b"<html lang=en><title>Hi</title><body><article><p>Some words in a \
            paragraph long enough to be the body of a page.</p></article>"
            .to_vec();
        let job = Job::new(html, None, None, Options::default()).expect("a valid job");
        let (timed, _) = job.run_timed();
        assert_eq!(timed.map(|a| a.text), job.run().map(|a| a.text));
    }
}

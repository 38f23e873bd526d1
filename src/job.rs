//! [`Job`]: the unit of work, one page and the options to extract it with.
//!
//! The gRPC service, `lede extract` and its batch mode all run pages the
//! same way: each turns its own input (a request, a file and flags) into a
//! [`Job`] with [`Job::new`], then calls [`Job::run`] (or
//! [`Job::run_timed`], which also reports the time of each stage in
//! [`StageTimes`]: the clock is read here, never in the library). The job
//! owns its input so that it can move into a blocking task or a worker
//! thread; it knows nothing of the transport that brought it.

use std::time::{Duration, Instant};

use url::Url;

use crate::article::Article;
use crate::extract::{self, ExtractError, Input, Options, Stage, StageObserver};

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

    /// Sets the time of the request ([`Options::now`], the "now" relative
    /// dates are resolved against) from its RFC 3339 text; none or an empty
    /// text leaves it unset.
    ///
    /// # Errors
    ///
    /// [`JobError::RequestTime`] when the text is not an RFC 3339 time.
    pub fn with_request_time(mut self, text: Option<String>) -> Result<Self, JobError> {
        let Some(text) = text.filter(|t| !t.is_empty()) else {
            return Ok(self);
        };
        match chrono::DateTime::parse_from_rfc3339(text.trim()) {
            Ok(at) => {
                self.options.now = Some(at.with_timezone(&chrono::Utc));
                Ok(self)
            }
            Err(reason) => Err(JobError::RequestTime { text, reason }),
        }
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

    /// [`Job::run`], also returning the time of each stage run.
    pub fn run_timed(&self) -> (Result<Article, ExtractError>, StageTimes) {
        let mut times = StageTimes::default();
        let article = extract::extract_observed(&self.input(), &self.options, &mut times);
        (article, times)
    }
}

/// The time of each stage of one extraction, read from the monotonic
/// clock around each stage's work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Per stage, in the order of [`Stage::ALL`]: its time, or `None` when
    /// the extraction did not reach it.
    times: [Option<Duration>; Stage::ALL.len()],
}

impl StageTimes {
    /// The time of `stage`, if it ran.
    pub fn get(&self, stage: Stage) -> Option<Duration> {
        self.times.get(stage.index()).copied().flatten()
    }

    /// Each stage that ran with its time, in pipeline order.
    pub fn iter(&self) -> impl Iterator<Item = (Stage, Duration)> + '_ {
        Stage::ALL
            .into_iter()
            .filter_map(|stage| Some((stage, self.get(stage)?)))
    }
}

impl StageObserver for StageTimes {
    fn stage<T>(&mut self, stage: Stage, run: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = run();
        if let Some(slot) = self.times.get_mut(stage.index()) {
            *slot = Some(started.elapsed());
        }
        out
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
    fn the_request_time_must_be_rfc_3339() {
        let job = || Job::new(Vec::new(), None, None, Options::default()).expect("a valid job");
        let at = job()
            .with_request_time(Some("2024-06-18T08:00:00+02:00".to_owned()))
            .expect("an RFC 3339 time");
        assert_eq!(
            at.options.now.map(|t| t.to_rfc3339()),
            Some("2024-06-18T06:00:00+00:00".to_owned())
        );
        let unset = job().with_request_time(Some(String::new()));
        assert_eq!(unset.map(|j| j.options.now), Ok(None));
        let err = job()
            .with_request_time(Some("yesterday".to_owned()))
            .unwrap_err();
        assert!(matches!(&err, JobError::RequestTime { text, .. } if text == "yesterday"));
    }

    #[test]
    fn a_job_runs_timed_or_not_to_the_same_article() {
        let html = b"<html lang=en><title>Hi</title><body><article><p>Some words in a \
            paragraph long enough to be the body of a page.</p></article>"
            .to_vec();
        let job = Job::new(html, None, None, Options::default()).expect("a valid job");
        let (timed, times) = job.run_timed();
        assert_eq!(timed.map(|a| a.text), job.run().map(|a| a.text));
        let stages: Vec<_> = times.iter().map(|(stage, _)| stage).collect();
        assert_eq!(stages, Stage::ALL);
    }

    #[test]
    fn a_failed_job_times_only_the_stages_it_ran() {
        let job = Job::new(Vec::new(), None, None, Options::default()).expect("a valid job");
        let (failed, times) = job.run_timed();
        assert!(failed.is_err());
        let stages: Vec<_> = times.iter().map(|(stage, _)| stage).collect();
        assert_eq!(stages, [Stage::Decode]);
        assert_eq!(times.get(Stage::Parse), None);
    }
}

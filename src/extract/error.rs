//! [`ExtractError`], the extraction library's only error type.

use std::fmt;

/// What kind of failure an [`ExtractError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is not HTML (a PDF, an image, JSON, binary data).
    NotHtml,
    /// The input is larger than `Options::max_input_bytes`.
    TooLarge,
    /// The document has more elements than `Options::max_elements`.
    TooManyElements,
}

/// An extraction failure: a kind and a message that names the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractError {
    kind: ErrorKind,
    message: String,
}

impl ExtractError {
    /// Builds an error of `kind` with a lowercase message without a final period.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, for people.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExtractError {}

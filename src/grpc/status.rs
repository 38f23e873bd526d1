//! The one place that picks gRPC status codes: every way a call can fail is a
//! [`Failure`], and [`Failure::code`] maps it to its code in a single match.
//! Unary calls answer a failure as a [`tonic::Status`]; an `ExtractStream`
//! item answers it as a [`pb::ItemError`] in its own response.

use tonic::codegen::http;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::extract::{ErrorKind, ExtractError};
use crate::grpc::pb;

/// Why a call (or one item of a stream) failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The extraction library refused the input.
    Extract(ExtractError),
    /// A request field is malformed.
    BadField {
        /// The request field, e.g. `url`.
        field: &'static str,
        /// What is wrong with it.
        description: String,
    },
    /// The server is at capacity and sheds the request.
    Overloaded,
    /// The call's deadline passed before the work was done.
    DeadlineExceeded,
    /// The article, encoded, is larger than the response limit.
    ResponseTooLarge {
        /// Its encoded size.
        bytes: usize,
        /// The limit (`LEDE_MAX_RESPONSE_BYTES`).
        limit: usize,
    },
    /// The extraction task panicked or was cancelled; details are logged
    /// where it happened, never sent.
    Internal,
}

impl Failure {
    /// The gRPC status code of this failure.
    pub fn code(&self) -> Code {
        match self {
            Self::Extract(err) => match err.kind() {
                ErrorKind::Empty | ErrorKind::NotHtml => Code::InvalidArgument,
                // gRPC's own libraries answer an oversize message so.
                ErrorKind::TooLarge | ErrorKind::TooManyElements => Code::ResourceExhausted,
            },
            Self::BadField { .. } => Code::InvalidArgument,
            Self::Overloaded | Self::ResponseTooLarge { .. } => Code::ResourceExhausted,
            Self::DeadlineExceeded => Code::DeadlineExceeded,
            Self::Internal => Code::Internal,
        }
    }

    /// The message, for people.
    pub fn message(&self) -> String {
        match self {
            Self::Extract(err) => err.message().to_owned(),
            Self::BadField { field, description } => format!("invalid `{field}`: {description}"),
            Self::Overloaded => "server overloaded, retry later".to_owned(),
            Self::DeadlineExceeded => "deadline exceeded before the extraction finished".to_owned(),
            Self::ResponseTooLarge { bytes, limit } => format!(
                "the article is {bytes} bytes encoded, over the response limit of {limit} bytes"
            ),
            Self::Internal => "internal error while extracting".to_owned(),
        }
    }

    /// The request fields this failure blames, as `(field, description)`.
    pub fn field_violations(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Extract(err) => match err.kind() {
                ErrorKind::Empty | ErrorKind::NotHtml => vec![("html", err.message().to_owned())],
                ErrorKind::TooLarge | ErrorKind::TooManyElements => Vec::new(),
            },
            Self::BadField { field, description } => vec![(*field, description.clone())],
            Self::Overloaded
            | Self::DeadlineExceeded
            | Self::ResponseTooLarge { .. }
            | Self::Internal => Vec::new(),
        }
    }
}

impl From<ExtractError> for Failure {
    fn from(err: ExtractError) -> Self {
        Self::Extract(err)
    }
}

impl From<Failure> for Status {
    /// A status with the failure's code and message, and for bad input a
    /// `google.rpc.BadRequest` detail naming the fields.
    fn from(failure: Failure) -> Self {
        let violations = failure.field_violations();
        if violations.is_empty() {
            return Status::new(failure.code(), failure.message());
        }
        let mut details = ErrorDetails::new();
        for (field, description) in violations {
            details.add_bad_request_violation(field, description);
        }
        Status::with_error_details(failure.code(), failure.message(), details)
    }
}

impl From<&Failure> for pb::ItemError {
    fn from(failure: &Failure) -> Self {
        let code = failure.code();
        pb::ItemError {
            code: code as i32,
            code_name: code_name(code).to_owned(),
            message: failure.message(),
            field_violations: failure
                .field_violations()
                .into_iter()
                .map(|(field, description)| pb::FieldViolation {
                    field: field.to_owned(),
                    description,
                })
                .collect(),
        }
    }
}

/// `article` if its encoded size is within `limit` bytes, else
/// [`Failure::ResponseTooLarge`]: a response over the limit fails alone
/// (in a stream, its item only) rather than the whole call.
///
/// # Errors
///
/// [`Failure::ResponseTooLarge`] past the limit.
pub fn within_response_limit(article: pb::Article, limit: usize) -> Result<pb::Article, Failure> {
    let bytes = prost::Message::encoded_len(&article);
    if bytes > limit {
        return Err(Failure::ResponseTooLarge { bytes, limit });
    }
    Ok(article)
}

/// Answers tonic's own refusal of an oversize message (`OUT_OF_RANGE`,
/// "decoded message length too large") as `RESOURCE_EXHAUSTED`, the code
/// gRPC's core libraries use, so that clients see one code for every limit;
/// and its refusal of a compressed message that does not inflate (tonic
/// says `INTERNAL`, "Error decompressing: ...") as `DATA_LOSS`: the payload
/// was damaged, which no retry mends, and no server fault.
///
/// tonic answers a request it cannot decode trailers-only: the status is in
/// the response headers, where this tower response map (installed in
/// [`crate::server::run`]) rewrites it. Our handlers never answer
/// `OUT_OF_RANGE` themselves, and the streamed request of `ExtractStream`
/// goes through [`remap`] instead.
pub fn remap_response<B>(mut response: http::Response<B>) -> http::Response<B> {
    let headers = response.headers_mut();
    let status = headers.get("grpc-status").map(http::HeaderValue::as_bytes);
    let remapped = match status {
        Some(b"11") => Some("8"), // RESOURCE_EXHAUSTED
        Some(b"13")
            if headers
                .get("grpc-message")
                .is_some_and(|m| is_decompression_failure(m.as_bytes())) =>
        {
            Some("15") // DATA_LOSS
        }
        _ => None,
    };
    if let Some(code) = remapped {
        headers.insert("grpc-status", http::HeaderValue::from_static(code));
    }
    response
}

/// Whether a status message (maybe percent-encoded, as in `grpc-message`)
/// is tonic's report of a compressed message it could not inflate.
fn is_decompression_failure(message: &[u8]) -> bool {
    message.starts_with(b"Error decompressing") || message.starts_with(b"Error%20decompressing")
}

/// [`remap_response`] for a status met inside a handler.
pub fn remap(status: Status) -> Status {
    match status.code() {
        Code::OutOfRange => Status::new(Code::ResourceExhausted, status.message()),
        Code::Internal if is_decompression_failure(status.message().as_bytes()) => {
            Status::new(Code::DataLoss, status.message())
        }
        _ => status,
    }
}

/// The canonical name of a status code, as `google.rpc.Code` spells it.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_invalid_argument_blaming_html() {
        let failure = Failure::from(ExtractError::new(ErrorKind::NotHtml, "input is a PDF"));
        let status = Status::from(failure.clone());
        assert_eq!(status.code(), Code::InvalidArgument);
        let details = status.get_error_details();
        let bad_request = details.bad_request().expect("a BadRequest detail");
        assert_eq!(bad_request.field_violations[0].field, "html");

        let item = pb::ItemError::from(&failure);
        assert_eq!(item.code, 3);
        assert_eq!(item.code_name, "INVALID_ARGUMENT");
        assert_eq!(item.field_violations[0].field, "html");
    }

    #[test]
    fn limits_are_resource_exhausted_without_details() {
        for kind in [ErrorKind::TooLarge, ErrorKind::TooManyElements] {
            let status = Status::from(Failure::from(ExtractError::new(kind, "too big")));
            assert_eq!(status.code(), Code::ResourceExhausted);
            assert!(status.get_error_details().bad_request().is_none());
        }
    }

    #[test]
    fn out_of_range_becomes_resource_exhausted() {
        let response = Status::out_of_range("too large").into_http::<()>();
        let response = remap_response(response);
        assert_eq!(response.headers()["grpc-status"], "8");
        let ok = http::Response::builder()
            .header("grpc-status", "0")
            .body(())
            .unwrap();
        assert_eq!(remap_response(ok).headers()["grpc-status"], "0");
        assert_eq!(
            remap(Status::out_of_range("x")).code(),
            Code::ResourceExhausted
        );
        assert_eq!(remap(Status::cancelled("x")).code(), Code::Cancelled);
    }

    #[test]
    fn undecodable_compression_becomes_data_loss() {
        let tonic_says = "Error decompressing: corrupt deflate stream, while sending request";
        let response = remap_response(Status::internal(tonic_says).into_http::<()>());
        assert_eq!(response.headers()["grpc-status"], "15");
        assert_eq!(remap(Status::internal(tonic_says)).code(), Code::DataLoss);
        // Our own INTERNAL (a panic) stays INTERNAL.
        let ours = remap_response(Status::from(Failure::Internal).into_http::<()>());
        assert_eq!(ours.headers()["grpc-status"], "13");
        assert_eq!(remap(Status::internal("boom")).code(), Code::Internal);
    }

    #[test]
    fn an_article_over_the_response_limit_is_resource_exhausted() {
        let article = pb::Article {
            text: "word ".repeat(100),
            ..pb::Article::default()
        };
        let size = prost::Message::encoded_len(&article);
        assert!(within_response_limit(article.clone(), size).is_ok());
        let failure = within_response_limit(article, size - 1).expect_err("over the limit");
        assert_eq!(
            failure,
            Failure::ResponseTooLarge {
                bytes: size,
                limit: size - 1
            }
        );
        let item = pb::ItemError::from(&failure);
        assert_eq!(item.code_name, "RESOURCE_EXHAUSTED");
        assert!(item.message.contains("response limit"), "{}", item.message);
    }

    #[test]
    fn internal_failures_say_nothing_specific() {
        let status = Status::from(Failure::Internal);
        assert_eq!(status.code(), Code::Internal);
        assert_eq!(status.message(), "internal error while extracting");
        assert_eq!(
            Status::from(Failure::DeadlineExceeded).code(),
            Code::DeadlineExceeded
        );
    }
}

//! The body text JSON-LD carries, read from the blocks metadata already
//! parsed: an article's `articleBody`, a product's `description`, a
//! question's `text` and its accepted and suggested answers, a forum
//! posting's text and its comments (schema.org's `Article`, `Product`,
//! `QAPage`/`Question`/`Answer` and `DiscussionForumPosting`/`Comment`).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{StructuredKind, StructuredText};
use crate::extract::text::word_counts;

/// Objects visited per page, bounding the work on hostile input (as the
/// metadata reader does).
const MAX_OBJECTS: usize = 5_000;
/// Text kept per page (bytes): a body longer than a long book is a dump.
const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// Properties whose values are never the page's body: people, publishers,
/// reviews, offers, navigation and media (their `description` or `text` is
/// about something else).
const SKIPPED_KEYS: &[&str] = &[
    "author",
    "brand",
    "breadcrumb",
    "creator",
    "image",
    "isPartOf",
    "itemListElement",
    "logo",
    "offers",
    "potentialAction",
    "publisher",
    "review",
    "reviews",
    "sameAs",
    "video",
];

/// Types whose `articleBody` or `text` is a post in a discussion.
const POSTING_TYPES: &[&str] = &["DiscussionForumPosting", "SocialMediaPosting", "Comment"];
/// Types whose `text` is a question or an answer.
const QA_TYPES: &[&str] = &["Question", "Answer"];
/// Types whose `description` is the body of a product page.
const PRODUCT_TYPES: &[&str] = &[
    "Product",
    "ProductGroup",
    "IndividualProduct",
    "ProductModel",
];

/// The body text of the parsed JSON-LD `values`, in the order the objects
/// nest (a question before its answers, a posting before its comments),
/// each distinct text once; `None` when they carry none.
pub(super) fn from_values(values: &[Value]) -> Option<StructuredText> {
    let mut found = StructuredText::default();
    let mut kind: Option<StructuredKind> = None;
    let mut seen: HashSet<&str> = HashSet::new();
    let mut bytes = 0;
    let mut objects = 0;
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(obj) => {
                objects += 1;
                if objects > MAX_OBJECTS {
                    break;
                }
                if let Some((text, k)) = body_of(obj)
                    && !text.trim().is_empty()
                    && bytes + text.len() <= MAX_TEXT_BYTES
                    && seen.insert(text)
                {
                    bytes += text.len();
                    found.words += word_counts(text).words;
                    found.texts.push(text.to_owned());
                    kind.get_or_insert(k);
                }
                // Children after the object's own text, in reverse so the
                // stack gives them in key order.
                for (key, child) in obj.iter().rev() {
                    if matches!(child, Value::Array(_) | Value::Object(_))
                        && !SKIPPED_KEYS.contains(&key.as_str())
                    {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
    found.kind = kind?;
    Some(found)
}

/// The body text one object carries, with what kind of body it is.
fn body_of(obj: &Map<String, Value>) -> Option<(&str, StructuredKind)> {
    let types = types(obj);
    let is = |wanted: &[&str]| types.iter().any(|t| wanted.contains(t));
    if is(POSTING_TYPES) {
        let text = string(obj.get("articleBody")).or_else(|| string(obj.get("text")))?;
        return Some((text, StructuredKind::Discussion));
    }
    if is(QA_TYPES) {
        return Some((string(obj.get("text"))?, StructuredKind::Question));
    }
    if let Some(text) = string(obj.get("articleBody")) {
        return Some((text, StructuredKind::Article));
    }
    if is(PRODUCT_TYPES) {
        return Some((string(obj.get("description"))?, StructuredKind::Product));
    }
    None
}

/// A string value, or the first string of an array.
fn string(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// The `@type` names of an object, without a schema.org prefix.
fn types(obj: &Map<String, Value>) -> Vec<&str> {
    fn one(v: &Value) -> Option<&str> {
        v.as_str().map(|s| s.rsplit(['/', ':']).next().unwrap_or(s))
    }
    match obj.get("@type") {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Option<StructuredText> {
        from_values(&[serde_json::from_str(json).unwrap()])
    }

    #[test]
    fn an_article_body_in_a_graph() {
        let found = read(
            r#"{"@graph":[{"@type":"WebSite","name":"S"},
                {"@type":"NewsArticle","headline":"H","articleBody":"First words here.",
                 "author":{"@type":"Person","description":"A writer who writes."}}]}"#,
        )
        .unwrap();
        assert_eq!(found.kind, StructuredKind::Article);
        assert_eq!(found.texts, ["First words here."]);
        assert_eq!(found.words, 3);
    }

    #[test]
    fn a_question_then_its_answers() {
        let found = read(
            r#"{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Title?",
                "text":"How do I do it?",
                "suggestedAnswer":[{"@type":"Answer","text":"Try this."},
                                   {"@type":"Answer","text":"Or that."}],
                "acceptedAnswer":{"@type":"Answer","text":"Do it so."}}}"#,
        )
        .unwrap();
        assert_eq!(found.kind, StructuredKind::Question);
        assert_eq!(
            found.texts,
            ["How do I do it?", "Do it so.", "Try this.", "Or that."]
        );
    }

    #[test]
    fn a_forum_posting_with_nested_comments() {
        let found = read(
            r#"{"@type":"DiscussionForumPosting","headline":"T","text":"Opening post.",
                "comment":[{"@type":"Comment","text":"A reply.",
                            "comment":{"@type":"Comment","text":"A reply to it."}},
                           {"@type":"Comment","text":"A reply."}]}"#,
        )
        .unwrap();
        assert_eq!(found.kind, StructuredKind::Discussion);
        assert_eq!(found.texts, ["Opening post.", "A reply.", "A reply to it."]);
    }

    #[test]
    fn a_product_description_but_not_its_reviews_or_offers() {
        let found = read(
            r#"{"@type":"Product","name":"Kettle","description":"Boils water fast.",
                "review":[{"@type":"Review","reviewBody":"Great!","description":"x"}],
                "offers":{"@type":"Offer","description":"Ships today"}}"#,
        )
        .unwrap();
        assert_eq!(found.kind, StructuredKind::Product);
        assert_eq!(found.texts, ["Boils water fast."]);
    }

    #[test]
    fn nothing_without_a_body() {
        assert!(read(r#"{"@type":"WebPage","name":"Home","description":"A site."}"#).is_none());
        assert!(read(r#"{"@type":"Article","articleBody":"  "}"#).is_none());
        assert!(read("[1, \"x\", null]").is_none());
    }
}

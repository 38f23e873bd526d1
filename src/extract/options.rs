//! [`Options`]: limits and toggles for one extraction. No wire types here.

use chrono::{DateTime, Utc};

/// Default for [`Options::max_input_bytes`]: 64 MiB, above any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Options::max_elements`]: pages of the benchmarks stay under
/// 30,000 elements; eight times that is still a page, a million siblings is
/// an attack (and takes html5ever seconds to build).
pub const DEFAULT_MAX_ELEMENTS: usize = 250_000;

/// Default for [`Options::max_depth`]: real pages nest under 100 levels and
/// rarely past 300; html5ever's cost grows faster than quadratically with
/// depth (40,000 levels take 15 s), so deeper tags are dropped, text kept.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Default for [`Options::max_text_node_bytes`]: 4 MiB. Real pages keep
/// their longest text node (an inline script with the page's data) under a
/// megabyte or two; longer nodes are cut, so that one node cannot make every
/// later stage and the answer huge.
pub const DEFAULT_MAX_TEXT_NODE_BYTES: usize = 4 * 1024 * 1024;
/// Default for [`Options::max_attribute_bytes`]: 1 MiB. Longer attribute
/// values (inline `data:` images, serialised state) are dropped: no output
/// field wants them.
pub const DEFAULT_MAX_ATTRIBUTE_BYTES: usize = 1024 * 1024;
/// Default for [`Options::max_figures`]: articles hold tens of figures;
/// galleries a few hundred.
pub const DEFAULT_MAX_FIGURES: usize = 500;
/// Default for [`Options::max_related_links`]: related lists hold tens of
/// links.
pub const DEFAULT_MAX_RELATED_LINKS: usize = 500;

/// Limits and toggles for one extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Largest number of elements in the parsed document.
    pub max_elements: usize,
    /// Deepest element nesting kept; tags below it are dropped, text kept.
    pub max_depth: usize,
    /// Longest text node kept, in bytes; longer ones are cut (at a character
    /// boundary).
    pub max_text_node_bytes: usize,
    /// Longest attribute value kept, in bytes; longer ones are dropped.
    pub max_attribute_bytes: usize,
    /// Most figures returned; the first ones in page order are kept.
    pub max_figures: usize,
    /// Most related links returned; the first ones in page order are kept.
    pub max_related_links: usize,
    /// Also render the body as clean HTML.
    pub include_html: bool,
    /// Also render the body as Markdown.
    pub include_markdown: bool,
    /// Open the Markdown with the title as a level-one heading.
    pub markdown_title: bool,
    /// The time of the request: the "now" that relative dates ("3 hours
    /// ago") are resolved against and that bounds dates in the future, when
    /// the input is not a snapshot with its own capture time (which wins).
    /// With neither, relative dates are left out and no future bound
    /// applies: the library reads no clock, so the same bytes and options
    /// give the same article on any day.
    pub now: Option<DateTime<Utc>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            max_text_node_bytes: DEFAULT_MAX_TEXT_NODE_BYTES,
            max_attribute_bytes: DEFAULT_MAX_ATTRIBUTE_BYTES,
            max_figures: DEFAULT_MAX_FIGURES,
            max_related_links: DEFAULT_MAX_RELATED_LINKS,
            include_html: false,
            include_markdown: false,
            markdown_title: false,
            now: None,
        }
    }
}

//! [`Options`]: limits and toggles for one extraction. No wire types here.

/// Default for [`Options::max_input_bytes`]: 64 MiB, above any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Options::max_elements`]: pages of the benchmarks stay under
/// 30,000 elements; a million siblings is an attack.
pub const DEFAULT_MAX_ELEMENTS: usize = 1_000_000;

/// Default for [`Options::max_depth`]: real pages nest under 100 levels and
/// rarely past 300; html5ever's cost grows faster than quadratically with
/// depth (40,000 levels take 15 s), so deeper tags are dropped, text kept.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Limits and toggles for one extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Largest number of elements in the parsed document.
    pub max_elements: usize,
    /// Deepest element nesting kept; tags below it are dropped, text kept.
    pub max_depth: usize,
    /// Also render the body as clean HTML.
    pub include_html: bool,
    /// Also render the body as Markdown.
    pub include_markdown: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            max_depth: DEFAULT_MAX_DEPTH,
            include_html: false,
            include_markdown: false,
        }
    }
}

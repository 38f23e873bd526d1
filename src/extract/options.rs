//! [`Options`]: limits and toggles for one extraction. No wire types here.

/// Default for [`Options::max_input_bytes`]: 64 MiB, above any real page.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Default for [`Options::max_elements`]: pages of the benchmarks stay under
/// 30,000 elements; a million siblings is an attack.
pub const DEFAULT_MAX_ELEMENTS: usize = 1_000_000;

/// Limits and toggles for one extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Largest number of elements in the parsed document.
    pub max_elements: usize,
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
            include_html: false,
            include_markdown: false,
        }
    }
}

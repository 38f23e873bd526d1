//! Renders the section tree as plain text, clean HTML or Markdown.

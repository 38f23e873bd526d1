//! Main-content detection: picks the content root and marks boilerplate.

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::Html;

/// The main content: a root and the nodes under it to leave out.
#[derive(Debug, Clone)]
pub struct Content {
    /// The root element of the article body.
    pub root: NodeId,
    /// Nodes (and their subtrees) that are boilerplate.
    pub excluded: HashSet<NodeId>,
}

/// Finds the main content of `doc`.
pub fn find_content(doc: &Html) -> Content {
    Content {
        root: doc.root_element().id(),
        excluded: HashSet::new(),
    }
}

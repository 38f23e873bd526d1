//! Class, id and role vocabularies used by the heuristics, in one place.

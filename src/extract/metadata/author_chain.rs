//! The author chain: names from JSON-LD, `<meta>` tags, Twitter card
//! labels, microdata, `rel=author` links and visible bylines, cleaned by
//! `authors`, one list per source; people before the publisher.

use crate::article::{Author, Source};

use super::chains::Page;
use super::provenance::{Field, same_text, text_fact};
use super::{authors, jsonld, title};

/// Turns (raw byline, author URL) pairs into cleaned authors and the raw
/// text they came from.
pub(super) type NamesFn<'a> =
    dyn Fn(&mut dyn Iterator<Item = (&str, Option<&str>)>) -> (Vec<Author>, String) + 'a;

impl Page<'_> {
    /// The authors: the first list of [`Page::author_candidates`], the
    /// other lists its alternatives.
    pub(super) fn authors(&self) -> Option<Field<Vec<Author>>> {
        let authors = self.author_candidates();
        let (list, raw, source) = authors.first()?;
        let names = |l: &[Author]| {
            l.iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let candidates: Vec<(String, String, Source)> = authors
            .iter()
            .map(|(l, r, s)| (names(l), r.clone(), *s))
            .collect();
        Some(Field {
            value: list.clone(),
            provenance: text_fact(&names(list), *source, raw, &candidates, &same_text),
        })
    }

    /// Author lists from every source, best first: the winner is the first.
    /// Each comes with its raw text (the values as found, joined by `; `).
    pub(super) fn author_candidates(&self) -> Vec<(Vec<Author>, String, Source)> {
        let from_names = |raws: &mut dyn Iterator<Item = (&str, Option<&str>)>| {
            let mut out = Vec::new();
            let mut raw_text: Vec<&str> = Vec::new();
            for (raw, url) in raws {
                let names = authors::people(raw);
                if !names.is_empty() && !raw_text.contains(&raw) {
                    raw_text.push(raw);
                }
                let single = names.len() == 1;
                for (name, role) in names {
                    let url = url.filter(|_| single).and_then(|u| self.absolute(u));
                    // JSON-LD's `jobTitle` when the byline gives no role.
                    let role = role.or_else(|| {
                        self.ld
                            .authors
                            .iter()
                            .find(|a| title::key(&a.name) == title::key(&name))
                            .and_then(|a| a.role.clone())
                    });
                    authors::push_unique(&mut out, name, url, role);
                }
            }
            (out, raw_text.join("; "))
        };
        // JSON-LD naming only the publisher or another organisation gives
        // way to a person named by the markup (a byline under the headline
        // beats `"author": {"@type": "Organization"}`).
        let publisher = [
            self.ld.publisher.as_deref(),
            self.ld.website_name.as_deref(),
        ];
        let is_org = |a: &jsonld::LdAuthor| {
            a.is_organization
                || publisher
                    .iter()
                    .flatten()
                    .any(|p| title::key(p) == title::key(&a.name))
        };
        let (ld, ld_raw) = from_names(
            &mut self
                .ld
                .authors
                .iter()
                .map(|a| (a.name.as_str(), a.url.as_deref())),
        );
        let markup = self.markup_authors(&from_names);
        let ld = (!ld.is_empty()).then_some((ld, ld_raw, Source::JsonLd));
        let ld_first = !self.ld.authors.iter().all(is_org);
        let mut out = Vec::new();
        if ld_first {
            out.extend(ld.clone());
        }
        out.extend(markup);
        if !ld_first {
            out.extend(ld);
        }
        // A `<meta name=author>` (or OpenGraph, Dublin Core) that names only
        // the publisher gives way to the people the page names: CMS themes
        // fill it with the site's name.
        let sites: Vec<String> = [
            self.ld.publisher.as_deref(),
            self.ld.website_name.as_deref(),
            self.markup.meta(&["og:site_name"]),
        ]
        .into_iter()
        .flatten()
        .map(title::key)
        .filter(|k| !k.is_empty())
        .collect();
        let host = self.host();
        let hints = title::SiteHints {
            site_name: None,
            host: host.as_deref(),
            h1: None,
        };
        let names_publisher = |list: &[Author]| {
            list.iter().all(|a| {
                let k = title::key(&a.name);
                sites.contains(&k) || title::names_site(&a.name, &hints)
            })
        };
        let (publishers, mut people): (Vec<_>, Vec<_>) = out.into_iter().partition(|(l, _, s)| {
            matches!(
                s,
                Source::Meta | Source::OpenGraph | Source::DublinCore | Source::Twitter
            ) && names_publisher(l)
        });
        prefer_named_byline(&mut people);
        people.into_iter().chain(publishers).collect()
    }

    /// Authors from the markup, one list per source, best source first.
    fn markup_authors(&self, from_names: &NamesFn<'_>) -> Vec<(Vec<Author>, String, Source)> {
        let md = &self.markup;
        let mut out = Vec::new();
        let mut push = |(list, raw): (Vec<Author>, String), source: Source| {
            if !list.is_empty() {
                out.push((list, raw, source));
            }
        };
        let sources: [(&[&str], Source); 4] = [
            (
                &["author", "byl", "sailthru.author", "parsely-author"],
                Source::Meta,
            ),
            (&["article:author", "og:article:author"], Source::OpenGraph),
            (&["dc.creator", "dcterms.creator"], Source::DublinCore),
            (&["citation_author"], Source::Meta),
        ];
        for (keys, source) in sources {
            push(
                from_names(&mut keys.iter().flat_map(|k| md.meta_all(k)).map(|v| (v, None))),
                source,
            );
        }
        // Twitter card labels: `twitter:label1` "Written by", `twitter:data1`.
        let labelled = (1..=4).find_map(|i| {
            let label = md.meta(&[&format!("twitter:label{i}")])?;
            authors::is_author_label(label)
                .then(|| md.meta(&[&format!("twitter:data{i}")]))
                .flatten()
        });
        push(
            from_names(&mut labelled.into_iter().map(|v| (v, None))),
            Source::Twitter,
        );
        // The first poster forum software names: a thread's starter, ahead
        // of the microdata, which XenForo gives every post (a featured
        // answer's author may come first).
        push(
            from_names(&mut md.poster.iter().map(|a| (a.as_str(), None))),
            Source::Byline,
        );
        push(
            from_names(&mut md.microdata.authors.iter().map(|a| (a.as_str(), None))),
            Source::Microdata,
        );
        push(
            from_names(
                &mut md
                    .author_links
                    .iter()
                    .map(|(t, h)| (t.as_str(), h.as_deref())),
            ),
            Source::Byline,
        );
        // The first byline element (by class, then a "By ..." line by the
        // headline) that yields names; later ones belong to teasers.
        if let Some(found) = md
            .bylines
            .iter()
            .chain(&md.labelled_bylines)
            .map(|b| from_names(&mut std::iter::once((b.as_str(), None))))
            .find(|(l, _)| !l.is_empty())
        {
            push(found, Source::Byline);
        }
        out
    }
}

/// When the first list comes from `<meta>`, OpenGraph, Dublin Core or
/// Twitter and a labelled byline names other people, the byline moves
/// ahead of it. When the first list comes from structured data (those or
/// JSON-LD) and names only login handles
/// (`andrew.keaveney`, `KatieS`: a CMS account, not a byline), a visible
/// byline naming people by their full names moves ahead of it, unless a
/// byline prints the handle too.
fn prefer_named_byline(lists: &mut [(Vec<Author>, String, Source)]) {
    if let Some(head) = named_byline(lists).and_then(|i| lists.get_mut(..=i)) {
        head.rotate_right(1);
    }
}

/// The index of the byline list that [`prefer_named_byline`] moves ahead
/// of the first list, if any.
fn named_byline(lists: &[(Vec<Author>, String, Source)]) -> Option<usize> {
    let (first, _, source) = lists.first()?;
    let structured = matches!(
        source,
        Source::JsonLd | Source::Meta | Source::OpenGraph | Source::DublinCore | Source::Twitter
    );
    if !structured || first.is_empty() {
        return None;
    }
    let shares_name = |l: &[Author]| {
        l.iter().any(|a| {
            first
                .iter()
                .any(|f| title::key(&f.name) == title::key(&a.name))
        })
    };
    // `<meta name=author>` and its kin name someone else than the page's
    // labelled byline ("By Charles Patterson"): theirs is the account that
    // posted, the site's editor, a CMS default; the byline is what the
    // reader is told. JSON-LD, written per article, keeps its place.
    if *source != Source::JsonLd
        && let Some(i) = lists.iter().position(|(l, raw, s)| {
            *s == Source::Byline && !l.is_empty() && authors::has_label(raw) && !shares_name(l)
        })
    {
        return Some(i);
    }
    // The page prints the handle as its byline: the author goes by it.
    if !first.iter().all(|a| is_login_handle(&a.name))
        || lists
            .iter()
            .any(|(l, _, s)| *s == Source::Byline && shares_name(l))
    {
        return None;
    }
    lists.iter().position(|(l, _, s)| {
        *s == Source::Byline
            && !l.is_empty()
            && l.iter().all(|a| a.name.split_whitespace().count() >= 2)
    })
}

/// Whether `name` reads as a login handle: one word holding a dot, an
/// underscore, an `@` or a digit, or a capital after a small letter
/// (`KatieS`, `jsmith_2`, `andrew.keaveney`). Wider than the grammar's
/// member-handle test in `authors`, which accepts handles with digits as
/// names: here a handle only gives way to a full name printed beside it.
fn is_login_handle(name: &str) -> bool {
    if name.contains(char::is_whitespace) {
        return false;
    }
    let marked = name.contains(['.', '_', '@']) || name.chars().any(|c| c.is_ascii_digit());
    let inner_capital = name
        .chars()
        .zip(name.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    marked || inner_capital
}

#[cfg(test)]
mod tests {
    use super::is_login_handle;

    #[test]
    fn handles_are_one_word_with_a_mark_in_it() {
        for handle in ["andrew.keaveney", "KatieS", "jsmith_2", "admin1"] {
            assert!(is_login_handle(handle), "{handle}");
        }
        for name in ["Denise Everheart", "Madonna", "J. R. Smith", "Élodie"] {
            assert!(!is_login_handle(name), "{name}");
        }
    }
}

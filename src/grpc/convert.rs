//! Conversions between the wire and the library, done once at the boundary:
//! a request becomes a [`Job`] ([`job`]: owned input plus validated
//! [`Options`]), and the domain [`Article`] becomes a [`pb::Article`]
//! (`None` becomes the proto3 default, `""` or `0`).

use crate::article::{
    Alternative, Article, Author, Block, CodeBlock, DateInfo, DatePrecision, FieldProvenance,
    Figure, Image, ImageCandidate, Inline, InlineLink, Language, LanguageSource, Link, ListBlock,
    ListItem, PageFlags, PageType, Paragraph, Provenance, QuoteBlock, Section, Source, TableBlock,
    TableCell,
};
use crate::article::{BodyFallback, EmptyReason};
use crate::extract::Options;
use crate::grpc::pb;
use crate::grpc::status::Failure;
use crate::job::{Job, JobError};

/// The job of `request`: the server's `base` options (its limits) with the
/// request's toggles.
///
/// # Errors
///
/// [`Failure::BadField`] on `url` when it is given but is not an absolute
/// URL, and on `request_time` when it is given but is not an RFC 3339 time.
pub fn job(request: pb::ExtractRequest, base: &Options) -> Result<Job, Failure> {
    let toggles = request.options.unwrap_or_default();
    let options = Options {
        include_html: toggles.include_html,
        include_markdown: toggles.include_markdown,
        markdown_title: toggles.markdown_title,
        ..base.clone()
    };
    let url = Some(request.url);
    let content_type = Some(request.content_type);
    let job = Job::new(request.html, url, content_type, options)?;
    Ok(job.with_request_time(Some(request.request_time))?)
}

impl From<JobError> for Failure {
    fn from(err: JobError) -> Self {
        let field = match err {
            JobError::Url { .. } => "url",
            JobError::RequestTime { .. } => "request_time",
        };
        Self::BadField {
            field,
            description: err.to_string(),
        }
    }
}

impl From<pb::ExtractStreamRequest> for pb::ExtractRequest {
    fn from(item: pb::ExtractStreamRequest) -> Self {
        Self {
            id: item.id,
            html: item.html,
            url: item.url,
            content_type: item.content_type,
            options: item.options,
            request_time: item.request_time,
        }
    }
}

impl From<pb::ExtractResponse> for pb::ExtractStreamResponse {
    fn from(response: pb::ExtractResponse) -> Self {
        Self {
            id: response.id,
            article: response.article,
            error: response.error,
        }
    }
}

impl From<Article> for pb::Article {
    fn from(article: Article) -> Self {
        Self {
            title: article.title.unwrap_or_default(),
            url: article.url.unwrap_or_default(),
            site_name: article.site_name.unwrap_or_default(),
            description: article.description.unwrap_or_default(),
            authors: article.authors.into_iter().map(Into::into).collect(),
            published_time: article.published_time.unwrap_or_default(),
            modified_time: article.modified_time.unwrap_or_default(),
            language: Some(article.language.into()),
            sections: article.sections.into_iter().map(Into::into).collect(),
            figures: article.figures.into_iter().map(Into::into).collect(),
            related_links: article.related_links.into_iter().map(Into::into).collect(),
            text: article.text,
            captured_time: article.captured_time.unwrap_or_default(),
            keywords: article.keywords,
            lead_image_url: article.lead_image_url.unwrap_or_default(),
            html: article.html.unwrap_or_default(),
            markdown: article.markdown.unwrap_or_default(),
            word_count: article.word_count,
            published: article.published.map(Into::into),
            modified: article.modified.map(Into::into),
            provenance: Some(article.provenance.into()),
            flags: Some(article.flags.into()),
        }
    }
}

impl From<Source> for pb::Source {
    fn from(source: Source) -> Self {
        match source {
            Source::Unknown => Self::Unspecified,
            Source::JsonLd => Self::JsonLd,
            Source::OpenGraph => Self::OpenGraph,
            Source::Twitter => Self::Twitter,
            Source::DublinCore => Self::DublinCore,
            Source::Meta => Self::Meta,
            Source::Microdata => Self::Microdata,
            Source::TimeElement => Self::TimeElement,
            Source::VisibleDate => Self::VisibleDate,
            Source::Byline => Self::Byline,
            Source::LinkElement => Self::LinkElement,
            Source::TitleElement => Self::TitleElement,
            Source::Heading => Self::Heading,
            Source::HtmlLang => Self::HtmlLang,
            Source::UrlPattern => Self::UrlPattern,
            Source::Prelude => Self::SnapshotPrelude,
            Source::PageUrl => Self::RequestUrl,
            Source::Detector => Self::Detector,
        }
    }
}

impl From<DatePrecision> for pb::DatePrecision {
    fn from(precision: DatePrecision) -> Self {
        match precision {
            DatePrecision::Unknown => Self::Unspecified,
            DatePrecision::Year => Self::Year,
            DatePrecision::Month => Self::Month,
            DatePrecision::Day => Self::Day,
            DatePrecision::Minute => Self::Minute,
            DatePrecision::Second => Self::Second,
        }
    }
}

impl From<DateInfo> for pb::DateInfo {
    fn from(date: DateInfo) -> Self {
        Self {
            value: date.value,
            raw: date.raw,
            precision: pb::DatePrecision::from(date.precision).into(),
            zone: date.zone.unwrap_or_default(),
            source: pb::Source::from(date.source).into(),
            confidence: date.confidence,
        }
    }
}

impl From<Alternative> for pb::Alternative {
    fn from(alt: Alternative) -> Self {
        Self {
            value: alt.value,
            raw: alt.raw,
            source: pb::Source::from(alt.source).into(),
            confidence: alt.confidence,
            agrees: alt.agrees,
        }
    }
}

impl From<FieldProvenance> for pb::FieldProvenance {
    fn from(field: FieldProvenance) -> Self {
        Self {
            source: pb::Source::from(field.source).into(),
            raw: field.raw,
            confidence: field.confidence,
            alternatives: field.alternatives.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Provenance> for pb::Provenance {
    fn from(p: Provenance) -> Self {
        Self {
            title: p.title.map(Into::into),
            authors: p.authors.map(Into::into),
            published: p.published.map(Into::into),
            modified: p.modified.map(Into::into),
            site_name: p.site_name.map(Into::into),
            description: p.description.map(Into::into),
            canonical_url: p.canonical_url.map(Into::into),
            language: p.language.map(Into::into),
            lead_image: p.lead_image.map(Into::into),
        }
    }
}

impl From<PageFlags> for pb::PageFlags {
    fn from(flags: PageFlags) -> Self {
        Self {
            is_article: flags.is_article,
            readerable_score: flags.readerable_score,
            is_paywalled: flags.is_paywalled,
            amp_url: flags.amp_url.unwrap_or_default(),
            alternates: flags
                .alternates
                .into_iter()
                .map(|a| pb::AlternateLink {
                    url: a.url,
                    hreflang: a.hreflang.unwrap_or_default(),
                })
                .collect(),
            next_page_url: flags.next_page_url.unwrap_or_default(),
            reading_time_seconds: flags.reading_time_seconds,
            page_type: pb::PageType::from(flags.page_type).into(),
            page_type_confidence: flags.page_type_confidence,
            empty_reason: pb::EmptyReason::from(flags.empty_reason).into(),
            body_fallback: pb::BodyFallback::from(flags.body_fallback).into(),
        }
    }
}

impl From<EmptyReason> for pb::EmptyReason {
    fn from(reason: EmptyReason) -> Self {
        match reason {
            EmptyReason::None => Self::Unspecified,
            EmptyReason::NoText => Self::NoText,
            EmptyReason::ClientRendered => Self::ClientRendered,
            EmptyReason::NoMainContent => Self::NoMainContent,
        }
    }
}

impl From<BodyFallback> for pb::BodyFallback {
    fn from(fallback: BodyFallback) -> Self {
        match fallback {
            BodyFallback::None => Self::Unspecified,
            BodyFallback::JsonLd => Self::JsonLd,
            BodyFallback::EmbeddedState => Self::EmbeddedState,
        }
    }
}

impl From<PageType> for pb::PageType {
    fn from(page_type: PageType) -> Self {
        match page_type {
            PageType::Other => Self::Unspecified,
            PageType::Article => Self::Article,
            PageType::Forum => Self::Forum,
            PageType::Product => Self::Product,
            PageType::Collection => Self::Collection,
            PageType::Listing => Self::Listing,
            PageType::Documentation => Self::Documentation,
            PageType::Service => Self::Service,
        }
    }
}

impl From<Author> for pb::Author {
    fn from(author: Author) -> Self {
        Self {
            name: author.name,
            url: author.url.unwrap_or_default(),
            role: author.role.unwrap_or_default(),
        }
    }
}

impl From<LanguageSource> for pb::LanguageSource {
    fn from(source: LanguageSource) -> Self {
        match source {
            LanguageSource::Unknown => Self::Unspecified,
            LanguageSource::Detected => Self::Detected,
            LanguageSource::Declared => Self::Declared,
            LanguageSource::Agreed => Self::Agreed,
            LanguageSource::DeclaredOverride => Self::DeclaredOverride,
        }
    }
}

impl From<Language> for pb::Language {
    fn from(language: Language) -> Self {
        Self {
            tag: language.tag,
            iso639_3: language.iso639_3,
            script: language.script,
            confidence: language.confidence,
            reliable: language.reliable,
            source: pb::LanguageSource::from(language.source).into(),
            declared: language.declared.unwrap_or_default(),
            detected_chars: language.detected_chars,
        }
    }
}

impl From<Section> for pb::Section {
    /// Recursive, but only as deep as heading levels go (at most 7).
    fn from(section: Section) -> Self {
        Self {
            heading: section.heading,
            level: u32::from(section.level),
            anchor: section.anchor.unwrap_or_default(),
            blocks: section.blocks.into_iter().map(Into::into).collect(),
            children: section.children.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Block> for pb::Block {
    fn from(block: Block) -> Self {
        use pb::block::Kind;
        let kind = match block {
            Block::Paragraph(p) => Kind::Paragraph(p.into()),
            Block::List(l) => Kind::List(l.into()),
            Block::Quote(q) => Kind::Quote(q.into()),
            Block::Table(t) => Kind::Table(t.into()),
            Block::Code(c) => Kind::Code(c.into()),
            Block::Figure(f) => Kind::Figure(f.into()),
        };
        Self { kind: Some(kind) }
    }
}

impl From<Paragraph> for pb::Paragraph {
    fn from(paragraph: Paragraph) -> Self {
        Self {
            text: paragraph.text,
            links: paragraph.links.into_iter().map(Into::into).collect(),
            inlines: runs(paragraph.inlines),
        }
    }
}

/// Inline runs on the wire.
fn runs(inlines: Vec<Inline>) -> Vec<pb::Inline> {
    inlines.into_iter().map(Into::into).collect()
}

impl From<Inline> for pb::Inline {
    /// Recursive, as deep as the page nests inline markup: the outline
    /// builds runs from the flat index, whose depth `max_depth` bounds.
    fn from(inline: Inline) -> Self {
        use pb::inline::Kind;
        let span = |children| pb::InlineSpan {
            children: runs(children),
        };
        let kind = match inline {
            Inline::Text(text) => Kind::Text(text),
            Inline::Link(link) => Kind::Link(link.into()),
            Inline::Emphasis(children) => Kind::Emphasis(span(children)),
            Inline::Strong(children) => Kind::Strong(span(children)),
            Inline::Code(code) => Kind::Code(code),
            Inline::LineBreak => Kind::LineBreak(pb::LineBreak {}),
            Inline::Subscript(children) => Kind::Subscript(span(children)),
            Inline::Superscript(children) => Kind::Superscript(span(children)),
            Inline::Image(image) => Kind::Image(image.into()),
        };
        Self { kind: Some(kind) }
    }
}

impl From<InlineLink> for pb::InlineLink {
    fn from(link: InlineLink) -> Self {
        Self {
            url: link.url,
            title: link.title.unwrap_or_default(),
            children: runs(link.children),
        }
    }
}

impl From<ListBlock> for pb::ListBlock {
    fn from(list: ListBlock) -> Self {
        Self {
            ordered: list.ordered,
            items: list.items,
            entries: list.entries.into_iter().map(Into::into).collect(),
            definitions: list.definitions,
        }
    }
}

impl From<ListItem> for pb::ListItem {
    /// Recursive through nested lists, bounded like [`pb::Inline`]'s.
    fn from(item: ListItem) -> Self {
        Self {
            blocks: item.blocks.into_iter().map(Into::into).collect(),
            is_term: item.is_term,
        }
    }
}

impl From<QuoteBlock> for pb::QuoteBlock {
    fn from(quote: QuoteBlock) -> Self {
        Self {
            text: quote.text,
            cite: quote.cite.unwrap_or_default(),
            blocks: quote.blocks.into_iter().map(Into::into).collect(),
            attribution: quote.attribution.unwrap_or_default(),
        }
    }
}

impl From<TableBlock> for pb::TableBlock {
    fn from(table: TableBlock) -> Self {
        Self {
            rows: table
                .rows
                .into_iter()
                .map(|cells| pb::TableRow {
                    cells: cells.into_iter().map(Into::into).collect(),
                })
                .collect(),
            caption: table.caption.unwrap_or_default(),
            header_rows: table.header_rows,
        }
    }
}

impl From<TableCell> for pb::TableCell {
    fn from(cell: TableCell) -> Self {
        Self {
            text: cell.text,
            header: cell.header,
            inlines: runs(cell.inlines),
            colspan: cell.colspan,
            rowspan: cell.rowspan,
        }
    }
}

impl From<CodeBlock> for pb::CodeBlock {
    fn from(code: CodeBlock) -> Self {
        Self {
            text: code.text,
            language: code.language.unwrap_or_default(),
        }
    }
}

impl From<Figure> for pb::Figure {
    fn from(figure: Figure) -> Self {
        Self {
            image: Some(figure.image.into()),
            caption: figure.caption.unwrap_or_default(),
            credit: figure.credit.unwrap_or_default(),
        }
    }
}

impl From<Image> for pb::Image {
    fn from(image: Image) -> Self {
        Self {
            src: image.src,
            srcset: image.srcset.into_iter().map(Into::into).collect(),
            width: image.width.unwrap_or_default(),
            height: image.height.unwrap_or_default(),
            alt: image.alt.unwrap_or_default(),
            sizes: image.sizes.unwrap_or_default(),
        }
    }
}

impl From<ImageCandidate> for pb::ImageCandidate {
    fn from(candidate: ImageCandidate) -> Self {
        Self {
            url: candidate.url,
            width: candidate.width.unwrap_or_default(),
            density: candidate.density.unwrap_or_default(),
        }
    }
}

impl From<Link> for pb::Link {
    fn from(link: Link) -> Self {
        Self {
            text: link.text,
            url: link.url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_values_become_proto_defaults() {
        let article = Article {
            title: Some("T".to_owned()),
            sections: vec![Section {
                heading: "H".to_owned(),
                level: 2,
                blocks: vec![
                    Block::Paragraph(Paragraph {
                        text: "p".to_owned(),
                        links: Vec::new(),
                        inlines: vec![Inline::Strong(vec![Inline::Text("p".to_owned())])],
                    }),
                    Block::Figure(Figure {
                        image: Image {
                            src: "https://x.test/a.jpg".to_owned(),
                            width: Some(976),
                            ..Image::default()
                        },
                        caption: None,
                        credit: Some("Agency".to_owned()),
                    }),
                ],
                ..Section::default()
            }],
            ..Article::default()
        };
        let wire = pb::Article::from(article);
        assert_eq!(wire.title, "T");
        assert_eq!(wire.url, "");
        assert_eq!(wire.language.as_ref().map(|l| l.tag.as_str()), Some("und"));
        assert_eq!(wire.sections[0].level, 2);
        let Some(pb::block::Kind::Paragraph(p)) = &wire.sections[0].blocks[0].kind else {
            panic!("the first block should be a paragraph");
        };
        let Some(pb::inline::Kind::Strong(strong)) = &p.inlines[0].kind else {
            panic!("the paragraph's run should be strong: {p:?}");
        };
        assert_eq!(
            strong.children[0].kind,
            Some(pb::inline::Kind::Text("p".to_owned()))
        );
        let Some(pb::block::Kind::Figure(figure)) = &wire.sections[0].blocks[1].kind else {
            panic!("the second block should be a figure");
        };
        assert_eq!(figure.caption, "");
        assert_eq!(figure.credit, "Agency");
        assert_eq!(
            figure.image.as_ref().map(|i| (i.width, i.height)),
            Some((976, 0))
        );
    }

    #[test]
    fn requests_become_jobs_under_the_limits() {
        let base = Options {
            max_input_bytes: 10,
            max_elements: 20,
            include_html: true,
            ..Options::default()
        };
        let request = pb::ExtractRequest {
            html: b"<p>x</p>".to_vec(),
            url: "https://x.test/a".to_owned(),
            options: Some(pb::ExtractOptions {
                include_markdown: true,
                ..Default::default()
            }),
            ..Default::default()
        };
        let built = job(request, &base).expect("a valid request");
        assert_eq!(built.options.max_input_bytes, 10);
        assert_eq!(built.options.max_elements, 20);
        assert!(built.options.include_markdown && !built.options.include_html);
        assert_eq!(built.content_type, None);

        let request = pb::ExtractRequest {
            url: "/relative".to_owned(),
            ..Default::default()
        };
        let err = job(request, &base).unwrap_err();
        assert!(matches!(err, Failure::BadField { field: "url", .. }));

        let request = pb::ExtractRequest {
            request_time: "2024-06-18T08:43:02+02:00".to_owned(),
            ..Default::default()
        };
        let built = job(request, &base).expect("a valid time");
        assert_eq!(
            built.options.now.map(|t| t.to_rfc3339()).as_deref(),
            Some("2024-06-18T06:43:02+00:00")
        );
        let request = pb::ExtractRequest {
            request_time: "yesterday".to_owned(),
            ..Default::default()
        };
        let err = job(request, &base).unwrap_err();
        assert!(matches!(
            err,
            Failure::BadField {
                field: "request_time",
                ..
            }
        ));
    }

    #[test]
    fn provenance_dates_and_flags_reach_the_wire() {
        let article = Article {
            published_time: Some("2024-06-18T06:26:02Z".to_owned()),
            published: Some(DateInfo {
                value: "2024-06-18T06:26:02Z".to_owned(),
                raw: "17 分钟前".to_owned(),
                precision: DatePrecision::Second,
                zone: Some("Z".to_owned()),
                source: Source::VisibleDate,
                confidence: 0.8,
            }),
            provenance: Provenance {
                title: Some(FieldProvenance {
                    source: Source::Prelude,
                    raw: "T".to_owned(),
                    confidence: 0.8,
                    alternatives: vec![Alternative {
                        value: "T".to_owned(),
                        raw: "T - Site".to_owned(),
                        source: Source::TitleElement,
                        confidence: 0.6,
                        agrees: true,
                    }],
                }),
                ..Provenance::default()
            },
            flags: PageFlags {
                is_article: true,
                readerable_score: 0.9,
                amp_url: Some("https://x.test/amp".to_owned()),
                ..PageFlags::default()
            },
            ..Article::default()
        };
        let wire = pb::Article::from(article);
        let published = wire.published.expect("published on the wire");
        assert_eq!(published.source(), pb::Source::VisibleDate);
        assert_eq!(published.precision(), pb::DatePrecision::Second);
        assert_eq!(
            (published.raw.as_str(), published.zone.as_str()),
            ("17 分钟前", "Z")
        );
        assert!(wire.modified.is_none());
        let provenance = wire.provenance.expect("provenance on the wire");
        let title = provenance.title.expect("title provenance");
        assert_eq!(title.source(), pb::Source::SnapshotPrelude);
        assert_eq!(title.alternatives[0].source(), pb::Source::TitleElement);
        assert!(title.alternatives[0].agrees);
        assert!(provenance.authors.is_none());
        let flags = wire.flags.expect("flags on the wire");
        assert!(flags.is_article);
        assert_eq!(flags.amp_url, "https://x.test/amp");
        assert_eq!(flags.next_page_url, "");
    }
}

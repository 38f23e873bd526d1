//! The domain output: [`Article`] and its parts, as plain owned structs.
//!
//! These types carry no wire or serialisation concerns; `grpc::convert` maps
//! them to the generated protobuf types. Missing values are `None` or empty,
//! never placeholder strings.

/// The structured content of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The headline, cleaned of site-name suffixes.
    pub title: Option<String>,
    /// The canonical URL of the article.
    pub url: Option<String>,
    /// The publication or site name.
    pub site_name: Option<String>,
    /// The summary the page gives of itself.
    pub description: Option<String>,
    /// Authors (people or desks) in page order.
    pub authors: Vec<Author>,
    /// First publication time, RFC 3339 at the precision the page gives.
    pub published_time: Option<String>,
    /// Last modification time, same format.
    pub modified_time: Option<String>,
    /// Capture time from a snapshot prelude (RFC 3339, UTC).
    pub captured_time: Option<String>,
    /// The language of the article text.
    pub language: Language,
    /// The body as a section tree.
    pub sections: Vec<Section>,
    /// Every figure of the body in page order, and every image inline in
    /// its text (an [`Inline::Image`] run) as a figure without a caption.
    pub figures: Vec<Figure>,
    /// Links to other stories found beside the body.
    pub related_links: Vec<Link>,
    /// Plain body text: headings and blocks separated by blank lines.
    pub text: String,
    /// Keywords and tags the page declares.
    pub keywords: Vec<String>,
    /// The page's declared sharing image.
    pub lead_image_url: Option<String>,
    /// The body as clean HTML, when asked for.
    pub html: Option<String>,
    /// The body as Markdown, when asked for.
    pub markdown: Option<String>,
    /// Words in `text`, CJK characters counted one each.
    pub word_count: u32,
    /// The publication date in full: raw text, precision, zone, source.
    pub published: Option<DateInfo>,
    /// The modification date, same shape; never taken from a published
    /// source, so a "last updated" cannot replace the publication date.
    pub modified: Option<DateInfo>,
    /// Where each metadata field came from, how sure, and what lost.
    pub provenance: Provenance,
    /// What kind of page this is: article or not, paywall, alternates,
    /// pagination, reading time.
    pub flags: PageFlags,
}

/// Where a value was found on the page (or how it was worked out).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Source {
    /// Not known.
    #[default]
    Unknown,
    /// A `<script type="application/ld+json">` block.
    JsonLd,
    /// OpenGraph (`og:*`, `article:*`) tags.
    OpenGraph,
    /// Twitter card tags.
    Twitter,
    /// Dublin Core (`dc.*`, `dcterms.*`) tags.
    DublinCore,
    /// Other `<meta>` tags (`author`, `description`, `date`, `parsely-*`).
    Meta,
    /// Microdata (`itemprop`).
    Microdata,
    /// A `<time datetime>` attribute.
    TimeElement,
    /// Visible date text (a `<time>` element's text or a date element).
    VisibleDate,
    /// A visible byline or a `rel=author` link.
    Byline,
    /// `<link rel=canonical>` or `rel=image_src`.
    LinkElement,
    /// The `<title>` element.
    TitleElement,
    /// The page's `h1`.
    Heading,
    /// `<html lang>` or `http-equiv=content-language`.
    HtmlLang,
    /// A date in the URL path.
    UrlPattern,
    /// The snapshot prelude.
    Prelude,
    /// The page URL given by the caller.
    PageUrl,
    /// The language detector, from the article text.
    Detector,
}

/// How much of a date the page gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// Not known.
    #[default]
    Unknown,
    /// A year only.
    Year,
    /// A year and a month.
    Month,
    /// A calendar day.
    Day,
    /// A clock time to the minute.
    Minute,
    /// A clock time to the second.
    Second,
}

/// A date with everything known about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateInfo {
    /// RFC 3339 at the page's precision (`2024-06-18`, `2024-06-18T06:26:02Z`).
    pub value: String,
    /// The text as found (`17 分钟前`, `2024-06-18T08:00:00+02:00`).
    pub raw: String,
    /// How much of the date the page gives.
    pub precision: DatePrecision,
    /// The zone as given (`Z`, `+02:00`); `None` when the page gives none.
    pub zone: Option<String>,
    /// Where it was found.
    pub source: Source,
    /// How far it can be trusted, between 0 and 1.
    pub confidence: f32,
}

/// A value another source gave for a field, which lost to the winner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alternative {
    /// The value, normalised like the winner (RFC 3339 for dates).
    pub value: String,
    /// The text as found.
    pub raw: String,
    /// Where it was found.
    pub source: Source,
    /// How far it could be trusted on its own, between 0 and 1.
    pub confidence: f32,
    /// Whether it agrees with the winner (the same value, or for dates
    /// the same day).
    pub agrees: bool,
}

/// Where one field's value came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldProvenance {
    /// The source of the winning value.
    pub source: Source,
    /// The winning value as found, before cleaning.
    pub raw: String,
    /// How far the value can be trusted, between 0 and 1: the source's
    /// reliability, raised when other sources agree.
    pub confidence: f32,
    /// Values other sources gave, best first (distinct values only).
    pub alternatives: Vec<Alternative>,
}

/// Provenance of every metadata field; `None` where the field is empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// The title.
    pub title: Option<FieldProvenance>,
    /// The authors (`raw` holds the byline or names as found).
    pub authors: Option<FieldProvenance>,
    /// The publication time.
    pub published: Option<FieldProvenance>,
    /// The modification time.
    pub modified: Option<FieldProvenance>,
    /// The site name.
    pub site_name: Option<FieldProvenance>,
    /// The description.
    pub description: Option<FieldProvenance>,
    /// The canonical URL.
    pub canonical_url: Option<FieldProvenance>,
    /// The language (detector or declaration; the declared tag as raw).
    pub language: Option<FieldProvenance>,
    /// The lead image.
    pub lead_image: Option<FieldProvenance>,
}

/// A link to the same content in another language or form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlternateLink {
    /// Absolute URL.
    pub url: String,
    /// The `hreflang` tag (`de`, `x-default`); `None` when not given.
    pub hreflang: Option<String>,
}

/// What kind of page this is: each kind keeps its main content differently
/// (a forum's posts, a listing's items, a product's description).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PageType {
    /// Not decided, or none of the kinds below (a home page, a login form).
    #[default]
    Other,
    /// A news story, blog post, essay or other prose under one headline.
    Article,
    /// A discussion thread: posts and replies by several people.
    Forum,
    /// One product for sale: description, specifications, price, reviews.
    Product,
    /// A grid of products or items, such as a shop's category page.
    Collection,
    /// A list of entries (articles, courses, jobs, search results), each
    /// with a title and a blurb.
    Listing,
    /// Technical documentation: reference, guides, API pages.
    Documentation,
    /// A company's or service's page: features, pricing, FAQ, about.
    Service,
}

/// Document-level facts: what kind of page this is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFlags {
    /// Whether the page is an article (news, blog post, essay) rather than
    /// a product page, a listing, a forum or a home page: `page_type` is
    /// [`PageType::Article`].
    pub is_article: bool,
    /// How much the main content reads like an article, between 0 and 1
    /// (its share of the page, long paragraphs, link density, byline and
    /// date, declared type).
    pub readerable_score: f32,
    /// What kind of page this is, decided before the main content.
    pub page_type: PageType,
    /// The page-type classifier's probability of `page_type`, 0 to 1.
    pub page_type_confidence: f32,
    /// Whether the page declares or shows a paywall
    /// (`isAccessibleForFree: false`, a paywall container).
    pub is_paywalled: bool,
    /// The AMP version of the page (`<link rel=amphtml>`).
    pub amp_url: Option<String>,
    /// Language alternates (`<link rel=alternate hreflang>`).
    pub alternates: Vec<AlternateLink>,
    /// The next page of a multi-page article (`rel=next` or a pagination
    /// "next" link).
    pub next_page_url: Option<String>,
    /// Estimated reading time in seconds: 230 words a minute, CJK text
    /// 500 characters a minute.
    pub reading_time_seconds: u32,
    /// Why the body is empty; [`EmptyReason::None`] when it is not.
    pub empty_reason: EmptyReason,
    /// Where the body came from when the page's markup gave too little:
    /// [`BodyFallback::None`] when it is the main content of the markup.
    pub body_fallback: BodyFallback,
}

/// Why an article's body is empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum EmptyReason {
    /// The body is not empty.
    #[default]
    None,
    /// The HTML holds no visible text at all.
    NoText,
    /// The page is the shell of a client-rendered application: scripts and
    /// an application root, hardly any text, its content built by
    /// JavaScript in the browser (and none found in its embedded state).
    ClientRendered,
    /// The page holds text, but none of it reads as main content (every
    /// block was navigation, boilerplate or link lists).
    NoMainContent,
}

/// Where a body that did not come from the page's main content came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BodyFallback {
    /// No fallback: the body is the main content of the markup (or empty).
    #[default]
    None,
    /// JSON-LD text (`articleBody`, a product's `description`, a question's
    /// answers, a forum posting's comments), because the markup gave
    /// nothing, very little, or much less.
    JsonLd,
    /// Prose found in the page's embedded application state (the JSON of
    /// Next.js `__NEXT_DATA__`, Nuxt, Apollo or Redux state), because the
    /// markup was an empty client-rendered shell.
    EmbeddedState,
}

/// An author or desk credited with the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    /// The name as the page gives it.
    pub name: String,
    /// The author's page, if linked.
    pub url: Option<String>,
    /// What the page says the author is ("Senior Reporter", JSON-LD
    /// `jobTitle`), when it says.
    pub role: Option<String>,
}

/// Where a language decision came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LanguageSource {
    /// Nothing to go on.
    #[default]
    Unknown,
    /// Detected from the text alone.
    Detected,
    /// The declaration alone.
    Declared,
    /// Detected, and agreeing with the declaration.
    Agreed,
    /// The declaration corrected a detection on short or confusable text.
    DeclaredOverride,
}

/// The language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// BCP-47 tag (`zh-Hans`, `en`, `pt-BR`) or `und`.
    pub tag: String,
    /// ISO 639-3 code, empty when unknown.
    pub iso639_3: String,
    /// ISO 15924 script code, empty when unknown.
    pub script: String,
    /// Confidence between 0 and 1.
    pub confidence: f32,
    /// Whether the decision rests on enough evidence to be trusted.
    pub reliable: bool,
    /// Where the decision came from.
    pub source: LanguageSource,
    /// The declared tag as found.
    pub declared: Option<String>,
    /// Characters the detector looked at.
    pub detected_chars: u32,
}

impl Default for Language {
    fn default() -> Self {
        Self {
            tag: "und".to_owned(),
            iso639_3: String::new(),
            script: String::new(),
            confidence: 0.0,
            reliable: false,
            source: LanguageSource::Unknown,
            declared: None,
            detected_chars: 0,
        }
    }
}

/// A heading with the blocks under it and its sub-sections.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// Heading text; empty for the untitled lead section.
    pub heading: String,
    /// Heading level 1-6; 0 for the untitled lead section.
    pub level: u8,
    /// The heading's `id`, if any.
    pub anchor: Option<String>,
    /// Blocks directly under the heading.
    pub blocks: Vec<Block>,
    /// Sub-sections.
    pub children: Vec<Section>,
}

/// One piece of body content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A list.
    List(ListBlock),
    /// A block quotation.
    Quote(QuoteBlock),
    /// A table.
    Table(TableBlock),
    /// Preformatted text or code.
    Code(CodeBlock),
    /// A figure where it stands.
    Figure(Figure),
}

/// A paragraph: inline runs, and their plain text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// Whitespace-normalised text: the runs' text, a line break as a space.
    pub text: String,
    /// Links inside the paragraph, absolute (the runs' links, in order).
    pub links: Vec<Link>,
    /// The paragraph as inline runs (text, links, emphasis, code, breaks).
    pub inlines: Vec<Inline>,
}

/// One run of inline content: text and the markup around it. Paragraphs
/// and table cells hold a sequence of these; the plain `text` beside them
/// is their text, a line break read as a space.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text, whitespace normalised.
    Text(String),
    /// A hyperlink around its runs.
    Link(InlineLink),
    /// Emphasis (`<em>`, `<i>`).
    Emphasis(Vec<Inline>),
    /// Strong importance (`<strong>`, `<b>`).
    Strong(Vec<Inline>),
    /// Inline code (`<code>`, `<kbd>`, `<samp>`).
    Code(String),
    /// A line break (`<br>`).
    LineBreak,
    /// Subscript (`<sub>`).
    Subscript(Vec<Inline>),
    /// Superscript (`<sup>`).
    Superscript(Vec<Inline>),
    /// An image inside the text.
    Image(Image),
}

/// A hyperlink holding inline runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InlineLink {
    /// Absolute URL.
    pub url: String,
    /// The `title` attribute, if given.
    pub title: Option<String>,
    /// The runs inside the link.
    pub children: Vec<Inline>,
}

/// An ordered, unordered or definition list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListBlock {
    /// True for `<ol>`.
    pub ordered: bool,
    /// The items' texts (a nested list's text inside its item's).
    pub items: Vec<String>,
    /// The items as blocks, one per entry of `items`: paragraphs, nested
    /// lists, code.
    pub entries: Vec<ListItem>,
    /// True for a definition list (`<dl>`): its entries are terms and
    /// their descriptions.
    pub definitions: bool,
}

/// One item of a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListItem {
    /// The item's content; a nested list is a [`Block::List`].
    pub blocks: Vec<Block>,
    /// In a definition list, true for a term (`<dt>`), false for a
    /// description (`<dd>`); false in other lists.
    pub is_term: bool,
}

/// A block quotation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteBlock {
    /// The quoted text: its blocks' texts separated by blank lines, without
    /// the attribution.
    pub text: String,
    /// The `cite` URL.
    pub cite: Option<String>,
    /// The quotation as blocks (its paragraphs, lists, code).
    pub blocks: Vec<Block>,
    /// Who or what is quoted, as the page credits it (a `<footer>` or
    /// `<cite>` of the quotation), kept apart from its paragraphs.
    pub attribution: Option<String>,
}

/// A table as rows of cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableBlock {
    /// Rows of cells, header rows first.
    pub rows: Vec<Vec<TableCell>>,
    /// The caption.
    pub caption: Option<String>,
    /// How many of the first rows are header rows (`<thead>`, or rows of
    /// `<th>` cells only).
    pub header_rows: u32,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    /// Cell text.
    pub text: String,
    /// True for `<th>`.
    pub header: bool,
    /// The cell as inline runs.
    pub inlines: Vec<Inline>,
    /// Columns the cell spans (`colspan`), at least 1.
    pub colspan: u32,
    /// Rows the cell spans (`rowspan`), at least 1.
    pub rowspan: u32,
}

impl Default for TableCell {
    fn default() -> Self {
        Self {
            text: String::new(),
            header: false,
            inlines: Vec::new(),
            colspan: 1,
            rowspan: 1,
        }
    }
}

/// Preformatted text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeBlock {
    /// The text, whitespace and line structure kept (one line per source
    /// line, whatever elements the highlighter wrote them as).
    pub text: String,
    /// Programming language named by the markup.
    pub language: Option<String>,
}

/// An image with its caption and credit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    /// The image.
    pub image: Image,
    /// Caption without the credit.
    pub caption: Option<String>,
    /// Credit without its label.
    pub credit: Option<String>,
}

/// One image with its candidates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Image {
    /// Best single absolute URL.
    pub src: String,
    /// srcset candidates, absolute.
    pub srcset: Vec<ImageCandidate>,
    /// Intrinsic width in pixels.
    pub width: Option<u32>,
    /// Intrinsic height in pixels.
    pub height: Option<u32>,
    /// Alternative text, entities decoded.
    pub alt: Option<String>,
    /// The `sizes` attribute.
    pub sizes: Option<String>,
}

/// One srcset candidate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImageCandidate {
    /// Absolute URL.
    pub url: String,
    /// Width descriptor (`640w`).
    pub width: Option<u32>,
    /// Density descriptor (`2x`).
    pub density: Option<f32>,
}

/// A hyperlink.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Link {
    /// Link text.
    pub text: String,
    /// Absolute URL.
    pub url: String,
}

//! Cost of language identification per page, on hand-written article texts
//! of about 5 KB (English, German declared as English, Simplified Chinese,
//! Traditional Chinese, Japanese with English code lines).
//!
//! Run: `cargo bench --no-default-features --bench language`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lede::extract::language::detect;

const ENGLISH: &str = "The city council voted on Tuesday to expand the bus network \
    into the northern suburbs, a plan that has been debated for more than a decade. \
    Supporters said the new routes would cut commuting times for thousands of \
    residents, while critics warned that the cost of the project had doubled since \
    it was first proposed.\n\n\
    Officials expect the first buses to run next spring. The transport department \
    will hold a series of public meetings over the summer to present the timetable \
    and to collect comments from people who live along the planned routes.\n\n";

const GERMAN: &str = "Die Bundesregierung hat am Mittwoch ein umfangreiches Paket \
    zur Förderung der Windenergie beschlossen. Nach Angaben des Ministeriums sollen \
    die Genehmigungsverfahren für neue Anlagen deutlich verkürzt werden.\n\n\
    Umweltverbände begrüßten die Pläne grundsätzlich, warnten aber davor, den \
    Naturschutz zu vernachlässigen. Der Bundestag soll noch vor der Sommerpause über \
    das Gesetz abstimmen.\n\n";

const SIMPLIFIED: &str = "国家统计局发布数据显示，前十个月全国规模以上工业企业实现利润总额\
    同比增长，其中高技术制造业利润增长较快。有关负责人表示，随着一系列稳增长政策持续发力，\
    工业生产保持较快增长，市场需求逐步恢复，企业效益继续改善。\n\n\
    专家认为，当前经济运行总体平稳，但外部环境依然复杂严峻，下一阶段要继续加大宏观政策调控力度，\
    着力扩大国内需求，推动经济持续回升向好。\n\n";

const TRADITIONAL: &str = "行政院主計總處今天公布最新統計資料，今年前十個月出口總額較去年同期成長，\
    其中資通訊產品出口增幅最大。官員表示，隨著全球人工智慧應用需求持續升溫，相關產業訂單暢旺。\n\n\
    不過專家也提醒，國際經濟情勢變化快速，主要國家貨幣政策走向仍不明朗，企業應審慎評估風險。\n\n";

const JAPANESE: &str = "このチュートリアルでは、Rustで小さなウェブサーバーを作る方法を説明します。\
    まず新しいプロジェクトを作成し、必要なクレートを追加してください。\n\n\
    cargo new hello_server --bin && cargo add tokio --features full\n\n\
    サーバーを起動したら、ブラウザで開いて動作を確認しましょう。\n\n";

/// `unit` repeated to about `bytes` bytes.
fn page(unit: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + unit.len());
    while out.len() < bytes {
        out.push_str(unit);
    }
    out
}

fn bench_detect(c: &mut Criterion) {
    let mut group = c.benchmark_group("language/detect");
    let cases = [
        ("en", ENGLISH, Some("en-US")),
        ("de-declared-en", GERMAN, Some("en")),
        ("zh-Hans", SIMPLIFIED, Some("zh-CN")),
        ("zh-Hant", TRADITIONAL, None),
        ("ja-with-code", JAPANESE, Some("ja")),
    ];
    for (name, unit, declared) in cases {
        for bytes in [1_000, 5_000, 50_000] {
            let text = page(unit, bytes);
            group.bench_with_input(BenchmarkId::new(name, bytes), &text, |b, text| {
                b.iter(|| detect(black_box(text), black_box(declared)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_detect);
criterion_main!(benches);

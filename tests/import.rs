//! `pressdash import` as a user runs it: the built-in dataset made again byte for byte, the
//! result readable with `--data`, and every kind of bad input refused with a message for
//! people and the right exit status. Imported datasets read in English: what the import cannot
//! translate has no English, the dashboard and `figures` show the Chinese in the chosen script
//! and say so, and every screen of every imported transcript draws in English.
#![cfg(feature = "import")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_pressdash");
const SEED: &str = "data/raw/000_d46a46a87dc0840e.txt";

/// Runs the binary in the repository root, so paths read as the README writes them.
fn pressdash(args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "C")
        .env("PRESSDASH_CONFIG", "/dev/null")
        .stdin(Stdio::null())
        .output()
        .expect("run pressdash")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory of its own for each test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

fn path_in(dir: &Path, name: &str) -> String {
    dir.join(name).to_str().expect("UTF-8 path").to_owned()
}

/// Imports the scrape with its repairs and annotations, then `more` arguments.
fn import_seed(more: &[&str]) -> Output {
    let mut args = vec![
        "import",
        SEED,
        "--repairs",
        "data/repairs.toml",
        "--annotations",
        "data/annotations.toml",
    ];
    args.extend_from_slice(more);
    pressdash(&args)
}

fn committed_dataset() -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dataset.json"))
        .expect("the committed dataset")
}

/// A refusal for people: the exit status, the words expected, no panic, nothing on stdout.
fn assert_refused(output: &Output, code: i32, mentions: &[&str]) {
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(code), "{message}");
    for expected in mentions {
        assert!(
            message.contains(expected),
            "should mention {expected}: {message}"
        );
    }
    assert!(!message.contains("panicked"), "{message}");
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
}

#[test]
fn the_built_in_dataset_is_the_import_of_its_scrape_byte_for_byte() {
    let dir = scratch("seed");
    let out = path_in(&dir, "dataset.json");
    let output = import_seed(&["-o", &out]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        fs::read(&out).expect("the import's output") == committed_dataset(),
        "data/dataset.json differs from a fresh import; run `pressdash import {SEED} --repairs \
         data/repairs.toml --annotations data/annotations.toml -o data/dataset.json`"
    );
}

#[test]
fn an_import_without_annotations_is_read_by_data() {
    let dir = scratch("plain");
    let out = path_in(&dir, "conference.json");
    let output = pressdash(&["import", SEED, "-o", &out, "--report"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let report = text(&output.stderr);
    assert!(report.starts_with("import report:"), "{report}");
    assert!(report.contains("is not a figure: a year"), "{report}");
    let validated = pressdash(&["validate", &out]);
    assert!(validated.status.success(), "{}", text(&validated.stdout));
    let figures = pressdash(&["--data", &out, "figures", "--format", "csv"]);
    assert!(figures.status.success(), "{}", text(&figures.stderr));
    assert!(text(&figures.stdout).lines().count() > 100);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("the output")).expect("JSON");
    assert!(
        json["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .all(|f| f["automatic"] == true)
    );
}

#[test]
fn a_news_report_without_turns_is_one_statement() {
    let dir = scratch("report");
    let file = path_in(&dir, "report.txt");
    let out = path_in(&dir, "report.json");
    fs::write(
        &file,
        "某工会：十年帮扶困难职工超过500万户\n2022年07月30日08:15\n\
         本报北京7月29日电（记者 某某）党的十八大以来，各级工会累计筹集送温暖资金429.82亿元。\n\
         截至2020年底，全国549.87万户建档困难职工家庭实现解困脱困。\n来源：某某网\n",
    )
    .expect("write a test file");
    let output = pressdash(&["import", &file, "-o", &out]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("the output")).expect("JSON");
    assert_eq!(
        json["meta"]["title"]["hans"],
        "某工会：十年帮扶困难职工超过500万户"
    );
    assert_eq!(json["meta"]["event_date"], "2022-07-30");
    let segments = json["segments"].as_array().expect("segments");
    assert_eq!(segments.len(), 1);
    assert_eq!(segments[0]["kind"], "statement");
    let raws: Vec<&str> = json["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter_map(|figure| figure["raw"]["hans"].as_str())
        .collect();
    assert_eq!(raws, ["429.82亿元", "549.87万户"]);
}

#[test]
fn the_portals_date_lines_give_the_date_and_the_source() {
    let dir = scratch("date-lines");
    for (line, event_date, published, publisher) in [
        (
            "2024年04月18日16:30  来源：人民网",
            "2024-04-18",
            "2024-04-18 16:30",
            "人民网",
        ),
        (
            "2024-04-18 16:30 来源： 国新网",
            "2024-04-18",
            "2024-04-18 16:30",
            "国新网",
        ),
        (
            "发布时间：2024-04-18 16:30",
            "2024-04-18",
            "2024-04-18 16:30",
            "未注明",
        ),
        (
            "发布日期：2024年04月18日",
            "2024-04-18",
            "2024-04-18",
            "未注明",
        ),
        ("2024年4月18日 星期四", "2024-04-18", "2024-04-18", "未注明"),
        (
            "时间：2024年4月18日（星期四）上午10:00",
            "2024-04-18",
            "2024-04-18",
            "未注明",
        ),
    ] {
        let file = path_in(&dir, "dated.txt");
        let out = path_in(&dir, "dated.json");
        fs::write(
            &file,
            format!("某部新闻发布会\n{line}\n张某：今年一季度，全国新增就业303万人。\n"),
        )
        .expect("write a test file");
        let output = pressdash(&["import", &file, "-o", &out]);
        assert!(output.status.success(), "{line}: {}", text(&output.stderr));
        let meta = &json(&out)["meta"];
        assert_eq!(meta["event_date"], event_date, "{line}");
        assert_eq!(meta["published"], published, "{line}");
        assert_eq!(meta["publisher"]["hans"], publisher, "{line}");
        assert_eq!(meta["title"]["hans"], "某部新闻发布会", "{line}");
    }
}

#[test]
fn a_source_line_in_the_header_names_the_publisher_and_the_credit() {
    let dir = scratch("source-line");
    let file = path_in(&dir, "credited.txt");
    let out = path_in(&dir, "credited.json");
    fs::write(
        &file,
        "某部例行新闻发布会\n2024-03-28\n来源：某部网站\n张某：一季度，完成投资7302亿元。\n",
    )
    .expect("write a test file");
    succeeds(&["import", &file, "-o", &out]);
    let meta = &json(&out)["meta"];
    assert_eq!(meta["publisher"]["hans"], "某部网站");
    assert_eq!(meta["source_credit"]["hans"], "某部网站");
}

#[test]
fn a_name_alone_on_its_line_opens_the_turn_below_it() {
    let dir = scratch("name-alone");
    for transcript in [
        "某部新闻发布会\n2024年3月15日\n主持人：\n各位记者，上午好。\n张某：\n\
         今年一季度，全国新增就业303万人。\n",
        "某部新闻发布会\n2024年3月15日\n[主持人]:各位记者，上午好。\n[张某]:\n\
         [张某]:今年一季度，全国新增就业303万人。\n",
    ] {
        let file = path_in(&dir, "alone.txt");
        let out = path_in(&dir, "alone.json");
        fs::write(&file, transcript).expect("write a test file");
        succeeds(&["import", &file, "-o", &out]);
        let data = json(&out);
        let paragraphs: Vec<(&str, bool, &str)> = data["segments"]
            .as_array()
            .expect("segments")
            .iter()
            .flat_map(|segment| segment["paragraphs"].as_array().expect("paragraphs"))
            .map(|paragraph| {
                (
                    paragraph["speaker"].as_str().expect("a speaker"),
                    paragraph["turn_start"] == true,
                    paragraph["text"]["hans"].as_str().expect("a text"),
                )
            })
            .collect();
        assert_eq!(paragraphs.len(), 2, "{transcript}: {paragraphs:?}");
        assert!(
            paragraphs.iter().all(|(_, start, _)| *start),
            "{paragraphs:?}"
        );
        assert_eq!(paragraphs[1].2, "今年一季度，全国新增就业303万人。");
    }
}

#[test]
fn without_output_the_dataset_goes_to_stdout() {
    let output = import_seed(&[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(output.stdout == committed_dataset());
}

#[test]
fn files_that_cannot_be_read_are_usage_errors() {
    let output = pressdash(&["import", "no/such/file.txt"]);
    assert_refused(&output, 2, &["Cannot read the transcript no/such/file.txt"]);
    let output = pressdash(&["import", SEED, "--annotations", "no/such/notes.toml"]);
    assert_refused(&output, 2, &["annotations file no/such/notes.toml"]);
    let output = pressdash(&["import", "data"]);
    assert_refused(&output, 2, &["transcript data"]);
}

#[test]
fn bad_options_are_usage_errors() {
    for date in ["2024-13-01", "15.3.2024", "2024-3-15"] {
        let output = pressdash(&["import", SEED, "--date", date]);
        assert_refused(&output, 2, &["YYYY-MM-DD"]);
    }
}

#[test]
fn a_transcript_that_is_no_transcript_is_bad_input() {
    let dir = scratch("bad-input");
    for (name, contents, mentions) in [
        ("empty.txt", &b""[..], "no turn found"),
        (
            "prose.txt",
            "只是一段话，没有任何发言人。\n".as_bytes(),
            "no turn found",
        ),
        ("gbk.txt", &[0xd6, 0xd0, 0xce, 0xc4, 0x0a][..], "not UTF-8"),
        (
            "undated.txt",
            "某某新闻发布会\n张某：大家好。\n".as_bytes(),
            "--date",
        ),
    ] {
        let file = path_in(&dir, name);
        fs::write(&file, contents).expect("write a test file");
        let output = pressdash(&["import", &file]);
        assert_refused(&output, 1, &[mentions]);
    }
}

#[test]
fn a_broken_annotations_file_is_refused_naming_it() {
    let dir = scratch("annotations");
    let notes = path_in(&dir, "notes.toml");
    fs::write(&notes, "[[figure]]\nid = 3\n").expect("write a test file");
    let output = pressdash(&["import", SEED, "--annotations", &notes]);
    assert_refused(&output, 1, &[&notes, "data/ANNOTATIONS.md"]);
}

#[test]
fn nothing_is_written_when_the_import_fails() {
    let dir = scratch("unwritten");
    let out = path_in(&dir, "out.json");
    let notes = path_in(&dir, "notes.toml");
    fs::write(
        &notes,
        "[[segment]]\nid = \"q99\"\ntitle = { hans = \"无\", en = \"None\" }\n",
    )
    .expect("write a test file");
    let output = pressdash(&["import", SEED, "--annotations", &notes, "-o", &out]);
    assert_refused(&output, 1, &["q99 is not a segment"]);
    assert!(!Path::new(&out).exists());
}

#[test]
fn help_shows_examples_and_every_flag() {
    let output = pressdash(&["import", "--help"]);
    assert!(output.status.success());
    let help = text(&output.stdout);
    for expected in [
        "Examples:",
        "pressdash import transcript.txt -o conference.json",
        "--repairs",
        "--annotations",
        "--title",
        "--date",
        "--report",
    ] {
        assert!(help.contains(expected), "lacks {expected}:\n{help}");
    }
}

/// The transcripts of other formats than the built-in scrape.
const TRANSCRIPTS: [&str; 5] = [
    "tests/transcripts/release-hans.txt",
    "tests/transcripts/release-hans.html",
    "tests/transcripts/portal-hant.txt",
    "tests/transcripts/portal-page.html",
    "tests/transcripts/transport-hans.txt",
];

/// Runs `args`, which must succeed, and gives its stdout.
fn succeeds(args: &[&str]) -> String {
    let output = pressdash(args);
    assert!(
        output.status.success(),
        "pressdash {args:?} failed:\n{}",
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// `transcript` imported into a directory of this test's own; the dataset's path.
fn imported(test: &str, transcript: &str) -> String {
    let out = path_in(&scratch(test), "imported.json");
    succeeds(&["import", transcript, "-o", &out]);
    out
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(path).expect("the imported dataset")).expect("JSON")
}

fn render(data: &str, lang: &str, size: &str, keys: &str) -> String {
    succeeds(&[
        "render", "--data", data, "--lang", lang, "--script", "hant", "--size", size, "--keys",
        keys,
    ])
}

#[test]
fn a_saved_page_keeps_its_heading_and_editors_and_drops_what_surrounds_the_transcript() {
    let data = json(&imported(
        "portal-page",
        "tests/transcripts/portal-page.html",
    ));
    let meta = &data["meta"];
    assert_eq!(meta["title"]["hans"], "生态环境部某月例行新闻发布会实录");
    assert_eq!(meta["published"], "2023-06-29 10:12");
    assert_eq!(meta["publisher"]["hans"], "人民网－环保频道");
    let editors: Vec<&str> = meta["editors"]
        .as_array()
        .expect("editors")
        .iter()
        .filter_map(|editor| editor["hans"].as_str())
        .collect();
    assert_eq!(editors, ["钱某", "李某"]);
    let spoken = data["segments"].to_string();
    for furniture in [
        "责编",
        "相关新闻",
        "3000家",
        "版权所有",
        "ICP",
        "人民网首页",
        "摄",
    ] {
        assert!(!spoken.contains(furniture), "{furniture} in {spoken}");
    }
}

#[test]
fn automatic_labels_are_words_of_the_text_never_a_placeholder_or_a_period() {
    let dir = scratch("labels");
    let seed = path_in(&dir, "seed.json");
    succeeds(&["import", SEED, "-o", &seed]);
    let garbled = path_in(&dir, "garbled.txt");
    fs::write(
        &garbled,
        "某会\n2024-01-02\n张某：今年全国共建立站点4?000余个，奖?wù)卤碚弥挟a业工人1.5万名。\n",
    )
    .expect("write a test file");
    let garbled_out = path_in(&dir, "garbled.json");
    succeeds(&["import", &garbled, "-o", &garbled_out]);
    let datasets = TRANSCRIPTS
        .iter()
        .map(|transcript| imported("labels", transcript))
        .map(|path| json(&path))
        .chain([json(&seed), json(&garbled_out)]);
    for data in datasets {
        for figure in data["figures"].as_array().expect("figures") {
            let label = figure["label"]["hans"].as_str().expect("a label");
            assert!(!label.starts_with("数字"), "{figure}");
            assert!(
                !label.contains(|c: char| c.is_ascii_lowercase() || c == '?'),
                "a garbled label: {figure}"
            );
            assert!(
                label.chars().count() < 2
                    || !label
                        .chars()
                        .all(|c| "0123456789年月底末以来近今去前上下半季度".contains(c)),
                "a period as a label: {figure}"
            );
        }
    }
}

#[test]
fn a_chart_sets_levels_changes_and_averages_apart() {
    let data = json(&imported("charts", "tests/transcripts/transport-hans.txt"));
    let figures = data["figures"].as_array().expect("figures");
    let label = |id: &serde_json::Value| {
        figures
            .iter()
            .find(|figure| &figure["id"] == id)
            .and_then(|figure| figure["label"]["hans"].as_str())
            .expect("a charted figure")
            .to_owned()
    };
    let charts = data["charts"].as_array().expect("charts");
    assert!(!charts.is_empty());
    for chart in charts {
        let labels: Vec<String> = chart["bars"]
            .as_array()
            .expect("bars")
            .iter()
            .map(|bar| label(&bar["figure"]))
            .collect();
        let changes = labels.iter().filter(|l| l.contains("增长")).count();
        let averages = labels.iter().filter(|l| l.contains("日均")).count();
        assert!(changes == 0 || changes == labels.len(), "{labels:?}");
        assert!(averages == 0 || averages == labels.len(), "{labels:?}");
    }
}

#[test]
fn the_import_writes_no_english_it_cannot_translate() {
    let data = json(&imported(
        "english-empty",
        "tests/transcripts/release-hans.txt",
    ));
    let figures = data["figures"].as_array().expect("figures");
    assert!(!figures.is_empty());
    for figure in figures {
        assert_eq!(figure["automatic"], true);
        assert_eq!(figure["label"]["en"], "", "{figure}");
        assert_ne!(figure["label"]["hans"], "");
        // Units are a closed list the import knows the English of.
        let unit = &figure["unit"];
        assert!(unit["hans"] == "" || unit["en"] != "", "{unit}");
    }
    for speaker in data["speakers"].as_array().expect("speakers") {
        assert_eq!(speaker["name"]["en"], "", "{speaker}");
        assert_eq!(speaker["title"]["en"], "", "{speaker}");
    }
    assert_eq!(data["meta"]["title"]["en"], "");
    assert_eq!(data["meta"]["organiser"]["en"], "not stated");
    for segment in data["segments"].as_array().expect("segments") {
        let title = segment["title"]["en"].as_str().expect("a title");
        assert!(
            !title.is_empty() && title.is_ascii(),
            "list titles are English: {title}"
        );
    }
    for chart in data["charts"].as_array().expect("charts") {
        assert!(chart["title"]["en"].as_str().is_some_and(str::is_ascii));
    }
}

#[test]
fn the_topic_tab_and_details_in_english_show_the_chinese_marked() {
    let data = imported("english-frames", "tests/transcripts/release-hans.txt");
    let topic = render(&data, "en", "100x30", "2");
    insta::assert_snapshot!("release_hans_topic_en", topic);
    let details = render(&data, "en", "100x30", "2 Enter");
    insta::assert_snapshot!("release_hans_details_en", details);
    // Traditional as chosen, though the source and its label are simplified.
    assert!(
        topic.contains("▸ 授權發明專利") && topic.contains(" zh "),
        "{topic}"
    );
    assert!(topic.contains("13 labels in Chinese"), "{topic}");
    assert!(details.contains("Label in Chinese: no English label was written"));
    // In Chinese nothing is marked or counted.
    let chinese = render(&data, "zh", "100x30", "2 Enter");
    assert!(
        !chinese.contains(" zh ") && !chinese.contains("中文"),
        "{chinese}"
    );
    assert!(
        !chinese.contains("标签") && !chinese.contains("標籤"),
        "{chinese}"
    );
}

#[test]
fn figures_in_english_mark_chinese_labels_and_keep_csv_exact() {
    let data = imported("english-figures", "tests/transcripts/portal-hant.txt");
    let table = succeeds(&[
        "figures", "--data", &data, "--lang", "en", "--script", "hant",
    ]);
    assert!(table.contains("一季度國內生產總值 (zh)"), "{table}");
    let markdown = succeeds(&[
        "figures", "--data", &data, "--lang", "en", "--script", "hans", "--format", "md",
    ]);
    assert!(
        markdown.contains("| 一季度国内生产总值 (zh) |"),
        "{markdown}"
    );
    let csv = succeeds(&[
        "figures", "--data", &data, "--lang", "en", "--script", "hant", "--format", "csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,theme,label,value,unit,qualifier,period,speaker,sentence,damaged")
    );
    let first = lines.next().expect("a figure");
    assert!(first.contains(",一季度國內生產總值,"), "{first}");
    assert!(!csv.contains("(zh)"), "CSV keeps the label exactly");
    let chinese = succeeds(&[
        "figures", "--data", &data, "--lang", "zh", "--script", "hant",
    ]);
    assert!(!chinese.contains("(zh)"), "{chinese}");
}

/// The keys to every screen of a dataset with `themes` topic tabs: each tab, a topic's chart
/// and details, the help, the Q&A and an item of it.
fn screens(themes: usize) -> Vec<String> {
    let qa = themes + 2;
    let mut keys: Vec<String> = (1..=qa).map(|tab| tab.to_string()).collect();
    for tab in 2..qa {
        keys.push(format!("{tab} Enter"));
        keys.push(format!("{tab} c"));
        keys.push(format!("{tab} End Enter"));
    }
    keys.extend([
        "?".to_owned(),
        format!("{qa} Enter"),
        format!("{qa} End"),
        format!("{qa} Down Enter"),
    ]);
    keys
}

#[test]
fn every_screen_of_every_imported_transcript_draws_in_english() {
    for transcript in TRANSCRIPTS {
        let data = imported(
            &format!("english-{}", transcript.replace('/', "-")),
            transcript,
        );
        let themes = json(&data)["themes"].as_array().expect("themes").len();
        for size in ["80x24", "120x36"] {
            for keys in screens(themes) {
                let output = pressdash(&[
                    "render", "--data", &data, "--lang", "en", "--size", size, "--keys", &keys,
                ]);
                assert!(
                    output.status.success(),
                    "{transcript} at {size} after {keys:?}:\n{}",
                    text(&output.stderr)
                );
                let frame = text(&output.stdout);
                let (_, height) = size.split_once('x').expect("a size");
                assert_eq!(frame.lines().count().to_string(), height, "{frame}");
            }
        }
    }
}

//! The style rules of `data/ANNOTATIONS.md` that the import cannot check alone, checked on the
//! built-in dataset: labels that are nearly the same, labels that end in a phrasal verb, year
//! ranges in chart titles, charts that leave out a damaged figure of their own sentence, and
//! periods that their sentence does not state.

use pressdash::data::{Dataset, Figure, Label, Period, load::load_embedded};

fn dataset() -> Dataset {
    load_embedded().expect("the built-in dataset loads")
}

/// How alike two texts are, from 0 (nothing in common) to 1 (equal): twice the length of
/// their longest common subsequence over their total length, ignoring case, spaces and
/// punctuation, so that "innovations" and "innovation projects" count as near.
fn likeness(a: &str, b: &str) -> f64 {
    let letters = |text: &str| -> Vec<char> {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (letters(a), letters(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut row = vec![0_usize; b.len() + 1];
    for &x in &a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    #[expect(clippy::cast_precision_loss, reason = "labels are short")]
    let ratio = 2.0 * row[b.len()] as f64 / (a.len() + b.len()) as f64;
    ratio
}

/// From this likeness on, two labels read as the same to a reader scanning a list.
const NEAR: f64 = 0.8;

/// A figure of a group, with the words its simplified Chinese and English labels name its
/// value of the group's dimension in.
type Member = (&'static str, &'static str, &'static str);

/// Figures whose labels are near by design: each group counts one kind of thing split by
/// one dimension, and each member names its own value of that dimension, in simplified
/// Chinese and English, where the others do not.
const TOLD_APART: &[(&str, &[Member])] = &[
    (
        "the sector",
        &[
            ("primary-share-2012", "第一产业", "farming"),
            ("primary-share-2021", "第一产业", "farming"),
            ("secondary-share-2012", "第二产业", "industry"),
            ("secondary-share-2021", "第二产业", "industry"),
            ("tertiary-share-2012", "第三产业", "services"),
            ("tertiary-share-2021", "第三产业", "services"),
        ],
    ),
    (
        "the skill grade",
        &[
            ("senior-workers", "高级工", "Senior-grade"),
            ("technicians", "技师等级", "Technician-grade"),
            ("senior-technicians", "高级技师", "Senior-technician-grade"),
        ],
    ),
    (
        "the class of the award",
        &[
            ("patent-gold-awards", "金奖", "Gold"),
            ("patent-silver-awards", "银奖", "Silver"),
            ("patent-excellence-awards", "优秀奖", "Excellence"),
        ],
    ),
    (
        "the class of the contest",
        &[
            ("class-one-contests", "一类", "Class I "),
            ("class-two-contests", "二类", "Class II "),
        ],
    ),
    (
        "the honour",
        &[
            ("may-day-certificates", "奖状", "Certificates"),
            ("may-day-medals", "奖章", "Medals"),
        ],
    ),
    (
        "the body",
        &[
            (
                "executive-model-workers-share",
                "执委",
                "executive committee",
            ),
            ("presidium-model-workers-share", "主席团", "presidium"),
        ],
    ),
    (
        "a count or its share",
        &[
            (
                "vice-chairs-model-workers",
                "中的劳模",
                "Model and front-line workers",
            ),
            ("vice-chairs-model-workers-share", "占比", "share"),
        ],
    ),
    (
        "a share or its rise",
        &[
            ("workers-high-school-plus", "的占比", "Share of"),
            ("workers-high-school-plus-rise", "提高", "Rise since"),
        ],
    ),
    (
        "the studios or their batches",
        &[
            ("model-studios", "示范性", "studios of"),
            ("model-studios-statement", "示范性", "studios of"),
            ("model-studio-batches", "批次", "Batches"),
        ],
    ),
    (
        "who in the campaign",
        &[
            (
                "volunteer-lawyers",
                "组织的律师志愿者人次",
                "Volunteer lawyers",
            ),
            ("legal-service-teams", "服务分队", "Service teams"),
            ("migrant-workers-served", "服务的农民工", "Migrant workers"),
        ],
    ),
];

/// The marks of `id` in a group that holds it.
fn marks(group: &[Member], id: &str) -> Option<(&'static str, &'static str)> {
    group
        .iter()
        .find(|(member, _, _)| *member == id)
        .map(|&(_, hans, en)| (hans, en))
}

/// Whether `a` and `b` state one fact or are one metric of a series: they may share a label.
fn linked(a: &Figure, b: &Figure) -> bool {
    a.repeats.contains(&b.id) || (a.series.is_some() && a.series == b.series)
}

/// The label texts compared, by language.
fn texts(label: &Label) -> [(&'static str, &str); 3] {
    [
        ("hans", &label.hans),
        ("hant", &label.hant),
        ("en", &label.en),
    ]
}

#[test]
fn figures_with_near_labels_are_told_apart_by_a_named_difference() {
    let data = dataset();
    let mut problems = Vec::new();
    for (i, a) in data.figures.iter().enumerate() {
        for b in &data.figures[i + 1..] {
            if linked(a, b) {
                continue;
            }
            for ((lang, x), (_, y)) in texts(&a.label).into_iter().zip(texts(&b.label)) {
                let near = likeness(x, y);
                if near < NEAR {
                    continue;
                }
                let group = TOLD_APART
                    .iter()
                    .find_map(|(_, group)| Some((marks(group, &a.id)?, marks(group, &b.id)?)));
                let told_apart = group.is_some_and(|((a_hans, a_en), (b_hans, b_en))| {
                    let own = |label: &Label, hans: &str, en: &str| {
                        label.hans.contains(hans) && label.en.contains(en)
                    };
                    a_hans != b_hans
                        && a_en != b_en
                        && own(&a.label, a_hans, a_en)
                        && own(&b.label, b_hans, b_en)
                        && !own(&a.label, b_hans, b_en)
                        && !own(&b.label, a_hans, a_en)
                });
                if !told_apart {
                    problems.push(format!(
                        "{} and {} ({lang}, {near:.2} alike): \"{x}\" / \"{y}\"",
                        a.id, b.id
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "labels a reader cannot tell apart:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_group_of_told_apart_labels_is_still_near() {
    // A group kept after its labels stopped being alike would excuse nothing but hide drift.
    let data = dataset();
    let figure = |id: &str| {
        data.figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"))
    };
    for (dimension, group) in TOLD_APART {
        let near = group.iter().any(|(a, _, _)| {
            group.iter().any(|(b, _, _)| {
                a != b && {
                    let (a, b) = (figure(a), figure(b));
                    !linked(a, b)
                        && (likeness(&a.label.hans, &b.label.hans) >= NEAR
                            || likeness(&a.label.en, &b.label.en) >= NEAR)
                }
            })
        });
        assert!(
            near,
            "the group told apart by {dimension} has no near labels left"
        );
    }
}

#[test]
fn likeness_finds_the_award_pair_that_read_the_same() {
    // The two labels of 20 projects and 11 innovations that once stood side by side.
    assert!(
        likeness(
            "Front-line industrial workers' innovation projects with a national S&T progress award",
            "Front-line workers' innovations with a national S&T progress award",
        ) >= NEAR
    );
    assert!((likeness("技师", "技师") - 1.0).abs() < f64::EPSILON);
    assert!(likeness("Union members", "Job fairs") < NEAR);
    assert!(likeness("", "x").abs() < f64::EPSILON);
}

/// Participles that end a clause without `-ed`.
const PARTICIPLES: &[&str] = &[
    "brought", "built", "dealt", "done", "given", "held", "kept", "made", "paid", "put", "run",
    "sent", "set", "shown", "spent", "taken", "won",
];

/// Words that make a phrasal verb of the participle before them (`dealt with`, `paid out`).
const PARTICLES: &[&str] = &[
    "away", "back", "down", "in", "off", "on", "out", "over", "up", "upon", "with",
];

/// Whether an English label ends in a verb: a participle, alone or with its particle.
fn ends_in_verb(label: &str) -> bool {
    let words: Vec<String> = label
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let participle =
        |word: &str| (word.ends_with("ed") && word.len() > 4) || PARTICIPLES.contains(&word);
    match words.as_slice() {
        [.., verb, particle] if PARTICLES.contains(&particle.as_str()) => participle(verb),
        [.., last] => participle(last),
        [] => false,
    }
}

#[test]
fn no_english_label_ends_in_a_verb() {
    let data = dataset();
    let figures = data.figures.iter().map(|f| (f.id.as_str(), &f.label));
    let series = data.series.iter().map(|s| (s.id.as_str(), &s.label));
    let charts = data.charts.iter().flat_map(|c| {
        std::iter::once((c.id.as_str(), &c.title))
            .chain(c.bars.iter().map(|b| (b.figure.as_str(), &b.label)))
    });
    let clauses: Vec<String> = figures
        .chain(series)
        .chain(charts)
        .filter(|(_, label)| ends_in_verb(&label.en))
        .map(|(id, label)| format!("{id}: \"{}\"", label.en))
        .collect();
    assert!(
        clauses.is_empty(),
        "labels ending in a verb:\n{}",
        clauses.join("\n")
    );
}

#[test]
fn the_verb_test_knows_phrasal_verbs_and_leaves_nouns() {
    for clause in [
        "Union delegates' proposals dealt with",
        "Worker innovation grants paid out",
        "Legal aid cases taken on",
        "Job fairs held",
        "Cases mediated",
    ] {
        assert!(ends_in_verb(clause), "{clause}");
    }
    for name in [
        "Labour dispute cases brought to mediation",
        "Top-100 internet firms with a union",
        "Share of new entrants to the labour force with higher education",
        "Money and goods brought into the counties",
        "Union members",
    ] {
        assert!(!ends_in_verb(name), "{name}");
    }
}

#[test]
fn chart_titles_write_year_ranges_with_an_en_dash() {
    let data = dataset();
    let hyphenated = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars.windows(9).any(|w| {
            w[..4].iter().all(char::is_ascii_digit)
                && matches!(w[4], '-' | '—' | '－')
                && w[5..].iter().all(char::is_ascii_digit)
        })
    };
    for chart in &data.charts {
        for (lang, title) in texts(&chart.title) {
            assert!(
                !hyphenated(title),
                "chart {} ({lang}): \"{title}\" joins years with no en dash",
                chart.id
            );
        }
    }
}

#[test]
fn a_chart_that_leaves_out_a_damaged_figure_of_its_sentence_says_so() {
    let data = dataset();
    let figure = |id: &str| data.figures.iter().find(|f| f.id == id);
    for chart in &data.charts {
        let bars: Vec<&Figure> = chart
            .bars
            .iter()
            .filter_map(|b| figure(&b.figure))
            .collect();
        let left_out = data.figures.iter().filter(|f| {
            f.damaged.is_some()
                && !chart.bars.iter().any(|b| b.figure == f.id)
                && bars.iter().any(|bar| bar.source.same_sentence(&f.source))
        });
        for damaged in left_out {
            assert!(
                chart.title.hans.contains("未列入")
                    && chart.title.hant.contains("未列入")
                    && chart.title.en.contains("left out"),
                "chart {} leaves out the damaged {} without saying so in its title",
                chart.id,
                damaged.id
            );
        }
    }
}

/// Whether `sentence` states `period` in words the annotations read that way: the year itself,
/// 十八大以来 for since 2012, 目前 or 今年 for a date of this year, 近N年 (十年来) for the last N years.
fn states(sentence: &str, period: &Period) -> bool {
    let year = |year: u16| sentence.contains(&format!("{year}年"));
    match period {
        Period::Year { year: y } => year(*y) || (*y == 2022 && sentence.contains("今年")),
        Period::Range { from, to } => {
            sentence.contains(&from.to_string()) && sentence.contains(&format!("{to}年"))
        }
        Period::Since { year: y } => year(*y) || (*y == 2012 && sentence.contains("十八大以来")),
        Period::AsOf { date } => {
            date.get(..4)
                .is_some_and(|y| sentence.contains(&format!("{y}年")))
                || (date.starts_with("2022")
                    && ["目前", "今年"].iter().any(|w| sentence.contains(w)))
        }
        Period::Recent { years } => {
            sentence.contains(&format!("近{years}年"))
                || (*years == 10 && sentence.contains("十年来"))
        }
    }
}

/// The clause that introduces the list `figure`'s sentence belongs to, when there is one:
/// the text from the start of its sentence to the colon, as in 2021年以来，我们重点做了以下几方面工作：
/// 一是…。二是…。 It governs every item after it in its paragraph.
fn governing_clause<'a>(data: &'a Dataset, figure: &Figure) -> Option<&'a str> {
    let paragraph = data
        .segments
        .iter()
        .find(|s| s.id == figure.source.segment)?
        .paragraphs
        .get(figure.source.paragraph)?;
    let text = &paragraph.text.hans;
    let start = figure.source.sentence_span.hans.start;
    let before = &text[..text
        .char_indices()
        .nth(start)
        .map_or(text.len(), |(i, _)| i)];
    let colon = before.rfind('：')?;
    let clause_start = before[..colon]
        .rfind('。')
        .map_or(0, |i| i + '。'.len_utf8());
    Some(&before[clause_start..colon])
}

#[test]
fn a_figure_carries_only_a_period_its_sentence_or_governing_clause_states() {
    let data = dataset();
    let unstated: Vec<String> = data
        .figures
        .iter()
        .filter(|f| !f.automatic)
        .filter_map(|f| Some((f, f.period.as_ref()?)))
        .filter(|(f, period)| {
            !states(&f.source.sentence.hans, period)
                && !governing_clause(&data, f).is_some_and(|clause| states(clause, period))
        })
        .map(|(f, period)| format!("{}: {period:?} in \"{}\"", f.id, f.source.sentence.hans))
        .collect();
    assert!(
        unstated.is_empty(),
        "periods their sentence does not state:\n{}",
        unstated.join("\n")
    );
}

#[test]
fn the_period_test_reads_the_words_the_annotations_use() {
    let since = Period::Since { year: 2017 };
    assert!(states("全总自2017年起联合司法部", &since));
    // The sentence after it states none: its figures show none.
    assert!(!states("开展实地公益法律服务活动7.3万场次", &since));
    assert!(states(
        "十年来，累计组织线上线下招聘会",
        &Period::Recent { years: 10 }
    ));
    assert!(!states(
        "十年来，累计组织线上线下招聘会",
        &Period::Since { year: 2012 }
    ));
    let april = Period::AsOf {
        date: "2022-04".into(),
    };
    assert!(states("截至今年4月，全国已建站点近9.6万个", &april));
    assert!(!states("截至2020年底，78.7万余家", &april));
}

/// Words a short form may drop or add without naming anything else.
const LINKING_WORDS: &[&str] = &[
    "a", "an", "and", "by", "for", "from", "in", "of", "on", "the", "to", "with",
];

/// The naming words of an English label, lowercased: hyphenated words split, possessives and
/// brackets stripped, digits (a bar's year) and linking words left out.
fn naming_words(label: &str) -> Vec<String> {
    label
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == ':')
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .filter(|word| {
            !word.is_empty()
                && !word.chars().all(|c| c.is_ascii_digit())
                && !LINKING_WORDS.contains(&word.as_str())
        })
        .collect()
}

#[test]
fn an_english_bar_label_is_a_short_form_of_its_figure_label() {
    let data = dataset();
    let mut strays = Vec::new();
    for chart in &data.charts {
        for bar in &chart.bars {
            let Some(figure) = data.figures.iter().find(|f| f.id == bar.figure) else {
                continue;
            };
            let own = naming_words(&figure.label.en);
            let foreign: Vec<String> = naming_words(&bar.label.en)
                .into_iter()
                .filter(|word| !own.contains(word))
                .collect();
            if !foreign.is_empty() {
                strays.push(format!(
                    "{} / {}: \"{}\" names {foreign:?}, not in \"{}\"",
                    chart.id, bar.figure, bar.label.en, figure.label.en
                ));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "bar labels naming what their figure does not:\n{}",
        strays.join("\n")
    );
}

#[test]
fn naming_words_leave_out_what_names_nothing() {
    assert_eq!(
        naming_words("Senior-technician-grade skilled workers, 2012"),
        ["senior", "technician", "grade", "skilled", "workers"]
    );
    assert_eq!(
        naming_words("Union delegates' proposals"),
        ["union", "delegates", "proposals"]
    );
    assert_eq!(naming_words("Money from the ACFTU"), ["money", "acftu"]);
}

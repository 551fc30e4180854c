//! What a figure counts, from the words around it: the noun phrase before the number back to
//! the verb that governs it (`累计表彰全国五一劳动奖状2245个` → 全国五一劳动奖状), or, where
//! nothing is left there, the noun after it (`惠及5万多建档立卡贫困人口` → 建档立卡贫困人口).
//! Chinese puts the head noun last, so a long phrase keeps its end.

use crate::data::Measure;
use crate::data::number::{UNITS, find_unit};

use super::detect::Reading;

/// Marks that end a clause.
const CLAUSE_MARKS: [char; 8] = ['，', '。', '；', '：', '、', '！', '？', '和'];

/// Whether a character ends the words a label may take: a clause mark, or part of another
/// number (`调整为2021年的22.9%`).
fn ends_words(c: char) -> bool {
    CLAUSE_MARKS.contains(&c) || c.is_ascii_digit() || c == '%' || c == '?'
}

/// Prepositions that may stand right before a number (`与26个国家`, `向500多家企业`).
const PREPOSITIONS: [char; 6] = ['与', '同', '向', '对', '跟', '给'];

/// Words between a noun and its number: verbs of amount, hedges, copulas, particles.
const LINKS: [&str; 59] = [
    "从",
    "超过了",
    "超过",
    "达到了",
    "达到",
    "多达",
    "高达",
    "达",
    "约为",
    "约有",
    "大约是",
    "大约",
    "约",
    "将近",
    "接近",
    "近",
    "逾",
    "超",
    "分别为",
    "分别",
    "为",
    "是",
    "有",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "已经",
    "已",
    "占到了",
    "占到",
    "占了",
    "占",
    "增加到",
    "增长到",
    "增至",
    "提高了",
    "提高到",
    "提高",
    "增加了",
    "增加",
    "增长了",
    "增长",
    "下降了",
    "下降",
    "减少了",
    "减少",
    "仅",
    "只有",
    "突破",
    "不足",
    "不到",
    "了",
    "的",
    "就",
    "都",
    "也",
    "还",
];

/// Words before a noun phrase that are no part of it: connectives, places, sources.
const LEADS: [&str; 21] = [
    "其中",
    "占",
    "同时",
    "此外",
    "另外",
    "并且",
    "并",
    "还",
    "也",
    "又",
    "均",
    "都",
    "据统计",
    "全国",
    "全总",
    "共",
    "累计",
    "已经",
    "已",
    "目前",
    "今年",
];

/// Verbs whose object is the counted thing (`建成职工书屋13万余家`).
const VERBS: [&str; 79] = [
    "建成", "建设", "培训", "帮扶", "开展", "举办", "组织", "表彰", "命名", "创建", "发放", "筹集",
    "投入", "引进", "实施", "完成", "提出", "推广", "办理", "调处", "援助", "服务", "走访", "慰问",
    "覆盖", "惠及", "发布", "制作", "播出", "出台", "设立", "补助", "推动", "发展", "吸纳", "签订",
    "报送", "挽回", "编成", "建立", "成立", "设置", "配备", "达成", "召开", "选树", "接受", "获得",
    "荣获", "上线", "推荐", "提名", "带动", "创造", "打造", "新建", "改造", "新增", "评选", "培育",
    "参与", "参加", "解决", "救助", "资助", "收到", "受理", "处理", "培养", "涌现", "吸引", "授予",
    "支持", "安排", "划定", "采集", "涉及", "减免", "签署",
];

/// The longest label kept, in characters.
const LONGEST: usize = 24;

/// The text less the words that link a noun to its number (`超过了`, `达到`, `约`).
pub fn strip_links(mut text: &str) -> &str {
    while let Some(rest) = LINKS.iter().find_map(|word| text.strip_suffix(word)) {
        text = rest;
    }
    text
}

fn strip_leads(mut text: &str) -> &str {
    loop {
        let rest = LEADS
            .iter()
            .find_map(|word| text.strip_prefix(word))
            .or_else(|| {
                // A year or period in front: 2021年, 2021年度, 2013年以来.
                let digits = text.find(|c: char| !c.is_ascii_digit())?;
                let rest = text[digits..].strip_prefix('年')?;
                Some(
                    ["以来", "度", "底", "末"]
                        .iter()
                        .find_map(|word| rest.strip_prefix(word))
                        .unwrap_or(rest),
                )
                .filter(|_| digits == 4)
            });
        match rest {
            Some(rest) if rest.len() < text.len() => text = rest,
            _ => return text,
        }
    }
}

/// What follows the last governing verb, if anything does, less its leading words.
fn object(text: &str) -> &str {
    let mut ends: Vec<usize> = VERBS
        .iter()
        .filter_map(|verb| text.rfind(verb).map(|at| at + verb.len()))
        .collect();
    ends.sort_unstable_by(|a, b| b.cmp(a));
    let object = |end: usize| text[end..].trim_start_matches(['了', '的']);
    // The last verb's object, unless it is a single character: then the verb was part of
    // a noun (发放慰问金: 慰问 in 慰问金).
    ends.iter()
        .map(|&end| object(end))
        .find(|words| words.chars().count() != 1)
        .or_else(|| ends.first().map(|&end| object(end)))
        .unwrap_or(text)
}

/// Words that open a change rather than name a thing (`同比增长5.3%`).
const COMPARISONS: [&str; 3] = ["同比", "环比", "比"];

/// Whether a label names a change (`同比增长`, `比上月下降`) rather than a thing.
pub fn is_change(label: &str) -> bool {
    COMPARISONS.iter().any(|word| label.starts_with(word))
}

/// Words that stand where a noun would but name no counted thing.
const NOT_NOUNS: [&str; 6] = ["全国", "全总", "各地", "各级", "其中", "目前"];

/// The words of the clause before `start`, back to a clause mark or another number.
pub fn clause_before(chars: &[char], start: usize) -> String {
    let clause_start = chars[..start]
        .iter()
        .rposition(|c| ends_words(*c))
        .map_or(0, |i| i + 1);
    // The head of a 分别 list names its items together (基本养老、失业、工伤保险参保人数分别为):
    // its enumeration commas are no clause marks.
    let listed = chars[clause_start..start]
        .iter()
        .collect::<String>()
        .contains("分别");
    let clause_start = if listed && clause_start > 0 && chars[clause_start - 1] == '、' {
        chars[..clause_start]
            .iter()
            .rposition(|c| ends_words(*c) && *c != '、')
            .map_or(0, |i| i + 1)
    } else {
        clause_start
    };
    // Digits that open a Latin name are part of it (5G基站).
    let clause_start = if chars
        .get(clause_start)
        .is_some_and(char::is_ascii_alphabetic)
    {
        chars[..clause_start]
            .iter()
            .rposition(|c| !c.is_ascii_digit())
            .map_or(0, |i| i + 1)
    } else {
        clause_start
    };
    let words: String = chars[clause_start..start].iter().collect();
    if clause_start == 0 || !chars[clause_start - 1].is_ascii_digit() {
        return words;
    }
    // After another number, its magnitude and unit are no part of this clause.
    let words = words.trim_start_matches(['万', '亿', '千', '余', '多', '%']);
    let unit = UNITS
        .iter()
        .filter(|unit| !unit.hans.is_empty() && words.starts_with(unit.hans))
        .map(|unit| unit.hans.len())
        .max()
        .unwrap_or(0);
    words[unit..].trim_start_matches('的').to_owned()
}

fn long_enough(text: &str) -> bool {
    text.chars().count() >= 2
}

/// Keeps the last [`LONGEST`] characters, where the head noun is.
fn shortened(text: &str) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(LONGEST)).collect()
}

/// Nouns a label may end in, with the English a reader counts them in: the counted noun for
/// a figure whose counter counts anything (个, 件, 项, 家).
const COUNTED_NOUNS: [(&str, &str); 34] = [
    ("专利", "patents"),
    ("商标", "trademarks"),
    ("企业", "firms"),
    ("公司", "companies"),
    ("项目", "projects"),
    ("案件", "cases"),
    ("纠纷", "disputes"),
    ("建议", "suggestions"),
    ("站点", "sites"),
    ("基站", "base stations"),
    ("国家", "countries"),
    ("国家和地区", "countries and regions"),
    ("协定", "agreements"),
    ("省份", "provinces"),
    ("城市", "cities"),
    ("学校", "schools"),
    ("医院", "hospitals"),
    ("机构", "institutions"),
    ("岗位", "jobs"),
    ("样品", "samples"),
    ("包裹", "parcels"),
    ("工会", "unions"),
    ("组织", "organisations"),
    ("活动", "events"),
    ("会议", "meetings"),
    ("政策", "policies"),
    ("文件", "documents"),
    ("标准", "standards"),
    ("平台", "platforms"),
    ("成果", "results"),
    ("课程", "courses"),
    ("家庭", "households"),
    ("补给区", "zones"),
    ("措施", "measures"),
];

/// The English noun for what a label counts, when it ends in a noun the import knows: the
/// longest such ending.
pub fn counted_noun(label: &str) -> Option<&'static str> {
    // 基站总数 counts base stations; 专利有效量 patents.
    let head = ["总数", "总量", "数量", "有效量", "数"]
        .iter()
        .find_map(|tail| label.strip_suffix(tail))
        .unwrap_or(label);
    COUNTED_NOUNS
        .iter()
        .filter(|(noun, _)| head.ends_with(noun))
        .max_by_key(|(noun, _)| noun.len())
        .map(|(_, en)| *en)
}

/// Characters a period is written with (`近五年`, `2023年`, `今年一季度`, `十年来`).
const PERIOD_CHARS: &str =
    "0123456789一二三四五六七八九十两年月日底末以来近今去前后上下半季度截至止期间这过最";

/// Whether `text` names only a period, which says when, not what was counted.
pub fn is_period(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| PERIOD_CHARS.contains(c))
}

/// The sentence's subject: in the nearest clause of `chars[sentence_start..start]` that
/// neither dates nor compares, the words before its first number, less the verb that governs it and what a
/// list adds (`新能源汽车产销分别完成` → 新能源汽车产销).
pub fn subject(chars: &[char], sentence_start: usize, start: usize) -> Option<String> {
    let lead: String = chars[sentence_start..start].iter().collect();
    lead.rsplit(['，', '；', '：'])
        .map(|clause| {
            let clause_chars: Vec<char> = clause.chars().collect();
            // Before the clause's first number, in digits or in numerals.
            let first_numerals = super::detect::numeral_figures(&clause_chars)
                .first()
                .map_or(clause_chars.len(), |reading| match reading {
                    Reading::Figure(found) => found.start,
                    Reading::Excused { start, .. } => *start,
                });
            let words: String = clause_chars[..first_numerals].iter().collect();
            let words = words
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or_default();
            let words = words.split("分别").next().unwrap_or_default();
            let words = strip_leads(strip_links(words));
            let governed = strip_links(object(words));
            let phrase = if long_enough(governed) {
                governed
            } else {
                VERBS
                    .iter()
                    .filter_map(|verb| words.find(verb).map(|at| &words[..at]))
                    .min_by_key(|before| before.len())
                    .unwrap_or(words)
            };
            let phrase = strip_leads(phrase);
            let phrase = ["同比", "环比"]
                .iter()
                .find_map(|word| phrase.strip_suffix(word))
                .unwrap_or(phrase);
            (words.to_owned(), phrase.to_owned())
        })
        // Clauses that only date or compare are passed over; the first other one decides.
        .find(|(words, _)| !words.is_empty() && !is_period(words) && !is_change(strip_leads(words)))
        .map(|(_, phrase)| phrase)
        .filter(|phrase| long_enough(phrase) && !NOT_NOUNS.contains(&phrase.as_str()))
        .map(|phrase| shortened(&phrase))
}

/// The change a `分别` list states, for an item after its first (`同比分别增加1,093万人、
/// 579万人` → 同比增加 for 579万人): the list's clause opens with a comparison.
pub fn list_change(chars: &[char], start: usize) -> Option<String> {
    let clause_start = chars[..start]
        .iter()
        .rposition(|c| matches!(c, '，' | '；' | '：' | '。'))
        .map_or(0, |i| i + 1);
    let clause: String = chars[clause_start..start].iter().collect();
    let words = strip_leads(clause.split(|c: char| c.is_ascii_digit()).next()?);
    (words.contains("分别") && is_change(words)).then(|| {
        words
            .replace("分别", "")
            .trim_end_matches(['了', '为', '到'])
            .to_owned()
    })
}

/// The verb phrase right before the number when it names the action counted (`培训`,
/// `走访慰问`), for a figure whose sentence names no thing: better than no label.
pub fn action(chars: &[char], start: usize) -> Option<String> {
    let clause = clause_before(chars, start);
    let words = strip_leads(strip_links(&clause));
    if is_period(words) || !VERBS.iter().any(|verb| words.ends_with(verb)) {
        return None;
    }
    // From the first verb: what precedes it (全年累计) says when or how, not what.
    let first_verb = VERBS
        .iter()
        .filter_map(|verb| words.find(verb))
        .min()
        .unwrap_or(0);
    Some(shortened(&words[first_verb..]))
}

/// The label of the figure at `chars[start..end]` whose unit is `unit`, or `None` when no
/// noun phrase is found.
pub fn find(chars: &[char], start: usize, end: usize, unit: &str) -> Option<String> {
    let clause = clause_before(chars, start);
    let linked = strip_leads(&clause);
    // A change names itself with its verb: 同比增长, 比上月下降.
    if COMPARISONS.iter().any(|word| linked.starts_with(word)) {
        let change = linked.replace("分别", "");
        // A hedge before the number belongs to it, not to the change (增长近一倍).
        let change = change.trim_end_matches(['了', '为', '到', '近', '约', '逾']);
        let change = ["超过", "接近", "将近"]
            .iter()
            .find_map(|hedge| change.strip_suffix(hedge))
            .unwrap_or(change);
        return long_enough(change).then(|| shortened(change));
    }
    let before = strip_leads(strip_links(&clause));
    let governed = strip_links(object(before));
    // A verb's object that is only a counter (培训人次) leaves the label to the whole phrase.
    let governed = if !governed.is_empty() && find_unit(governed).is_some() {
        before
    } else {
        governed
    };
    // A preposition before the number (我国已与26个国家) leaves the label to the noun after it.
    let governed = if governed.ends_with(PREPOSITIONS) {
        ""
    } else {
        governed
    };
    // A short object (投资, 就业) is told apart by who or where before its verb
    // (公路完成投资, 城镇新增就业).
    if governed.chars().count() <= 2
        && before.len() > governed.len()
        && long_enough(governed)
        && !NOT_NOUNS.contains(&governed)
    {
        return Some(shortened(before));
    }
    if long_enough(governed) && !NOT_NOUNS.contains(&governed) {
        return Some(shortened(governed));
    }
    let clause_end = chars[end..]
        .iter()
        .position(|c| ends_words(*c) && *c != '和')
        .map_or(chars.len(), |i| end + i);
    let after: String = chars[end..clause_end].iter().collect();
    // The noun ends where a verb starts (国家和地区签署了…).
    let after = VERBS
        .iter()
        .filter_map(|verb| after.find(verb))
        .min()
        .map_or(after.as_str(), |at| &after[..at]);
    let after = after
        .trim_start_matches(['余', '多'])
        .trim_start_matches("以上")
        .trim_start_matches("左右")
        .trim_start_matches(['的', '名', '个']);
    if long_enough(after) && after.chars().count() <= LONGEST {
        return Some(after.to_owned());
    }
    // The people counted, printed as the unit (近30万员工).
    let people = find_unit(unit).is_some_and(|found| found.measure == Measure::People);
    (unit.chars().count() >= 2 && people).then(|| unit.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str, raw: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let raw: Vec<char> = raw.chars().collect();
        let start = (0..chars.len())
            .find(|&i| chars[i..].starts_with(&raw))
            .expect("the raw text is in the text");
        find(&chars, start, start + raw.len(), "")
    }

    #[test]
    fn the_noun_before_the_number_back_to_its_verb() {
        assert_eq!(
            label("党的十八大以来，累计表彰全国五一劳动奖状2245个。", "2245个").as_deref(),
            Some("全国五一劳动奖状")
        );
        assert_eq!(
            label("到2021年底，全国技能人才的总量超过了2亿人，", "2亿人").as_deref(),
            Some("技能人才的总量")
        );
        assert_eq!(
            label("调处劳动争议案件14.1万件次，", "14.1万件次").as_deref(),
            Some("劳动争议案件")
        );
        assert_eq!(
            label(
                "2021年全国新发展新就业形态劳动者会员超过350万人。",
                "350万人"
            )
            .as_deref(),
            Some("新就业形态劳动者会员")
        );
    }

    #[test]
    fn the_noun_after_the_number_when_none_comes_before() {
        assert_eq!(
            label("近5年来，惠及5万多建档立卡贫困人口。", "5万").as_deref(),
            Some("建档立卡贫困人口")
        );
        assert_eq!(
            label("组织实施300多个扶贫项目，", "300多个").as_deref(),
            Some("扶贫项目")
        );
        assert_eq!(
            label("支持1,000余个项目。", "1,000余个").as_deref(),
            Some("项目")
        );
        assert_eq!(label("共有3个。", "3个"), None);
        assert_eq!(label("全总出台20多个。", "20多个"), None);
        let chars: Vec<char> = "覆盖了全国近30万员工。".chars().collect();
        assert_eq!(find(&chars, 6, 11, "员工").as_deref(), Some("员工"));
    }

    #[test]
    fn other_numbers_bound_the_words() {
        assert_eq!(
            label(
                "占比从2012年的33.5%、30.4%和36.1%调整为2021年的22.9%",
                "22.9%"
            )
            .as_deref(),
            None
        );
        assert_eq!(
            label("平台职工学习培训人次累计达到1.65亿，", "1.65亿").as_deref(),
            Some("平台职工学习培训人次")
        );
        assert_eq!(
            label("发布9届全国“最美职工”91人次，", "9届").as_deref(),
            Some("全国“最美职工”")
        );
        assert_eq!(
            label("发布9届全国“最美职工”91人次，", "91人次").as_deref(),
            Some("“最美职工”")
        );
        assert_eq!(
            label("发放小额贷（借）款57亿元。", "57亿元").as_deref(),
            Some("小额贷（借）款")
        );
    }

    #[test]
    fn the_head_of_a_list_names_it_whole() {
        assert_eq!(
            label(
                "截至6月底，全国基本养老、失业、工伤保险参保人数分别为10.6亿人、2.41亿人。",
                "10.6亿人"
            )
            .as_deref(),
            Some("基本养老、失业、工伤保险参保人数")
        );
    }

    #[test]
    fn a_verb_inside_a_noun_is_no_verb() {
        assert_eq!(
            label(
                "全总共慰问劳模1.8万人次，发放慰问金3,500万元。",
                "3,500万元"
            )
            .as_deref(),
            Some("慰问金")
        );
    }

    #[test]
    fn a_preposition_leaves_the_label_to_the_noun_after() {
        let text = "我国已与26个国家和地区签署了19个自贸协定。";
        assert_eq!(label(text, "26个").as_deref(), Some("国家和地区"));
        assert_eq!(label(text, "19个").as_deref(), Some("自贸协定"));
    }

    #[test]
    fn a_short_object_keeps_who_did_it() {
        assert_eq!(
            label("其中，公路完成投资5,088亿元，", "5,088亿元").as_deref(),
            Some("公路完成投资")
        );
        assert_eq!(
            label("上半年，全国城镇新增就业678万人，", "678万人").as_deref(),
            Some("城镇新增就业")
        );
        assert_eq!(
            label("比十年前增长近一倍", "一倍").as_deref(),
            Some("比十年前增长")
        );
    }

    #[test]
    fn a_latin_name_keeps_its_digits() {
        assert_eq!(
            label("截至3月底，5G基站总数达到364.7万个，", "364.7万个").as_deref(),
            Some("5G基站总数")
        );
    }

    #[test]
    fn a_change_is_named_by_its_verb() {
        assert_eq!(label("同比增长5.3%，", "5.3%").as_deref(), Some("同比增长"));
        assert_eq!(
            label("比上月下降0.1个百分点。", "0.1个百分点").as_deref(),
            Some("比上月下降")
        );
    }

    /// The subject of the sentence `text` before `raw`.
    fn subject_before(text: &str, raw: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let raw: Vec<char> = raw.chars().collect();
        let start = (0..chars.len())
            .find(|&i| chars[i..].starts_with(&raw))
            .expect("the raw text is in the text");
        subject(&chars, 0, start)
    }

    #[test]
    fn the_sentences_subject_when_the_clause_names_nothing() {
        assert_eq!(
            subject_before(
                "一季度，新能源汽车产销分别完成211.5万辆和209万辆",
                "209万辆"
            )
            .as_deref(),
            Some("新能源汽车产销")
        );
        assert_eq!(
            subject_before(
                "今年一季度，完成交通固定资产投资7,302亿元，同比增长1.9%",
                "1.9%"
            )
            .as_deref(),
            Some("交通固定资产投资")
        );
        assert_eq!(subject_before("近五年，增长约三成", "三成"), None);
        assert_eq!(
            subject_before(
                "全国营业性客运量完成31.2亿人次，同比增长20.6%；完成营业性货运量124.6亿吨，同比增长5.3%",
                "5.3%"
            )
            .as_deref(),
            Some("营业性货运量")
        );
        assert_eq!(
            subject_before("投资增长一倍半，惠及三千万人", "三千万人"),
            None
        );
    }

    #[test]
    fn an_item_of_a_list_of_changes_is_a_change() {
        let text = "参保人数分别为10.6亿人、2.41亿人，同比分别增加1,093万人、579万人。";
        let chars: Vec<char> = text.chars().collect();
        let at = text.chars().position(|c| c == '5').unwrap();
        assert_eq!(list_change(&chars, at).as_deref(), Some("同比增加"));
        let at = text.chars().take_while(|c| *c != '2').count();
        assert_eq!(list_change(&chars, at), None);
    }

    #[test]
    fn the_action_when_nothing_counted_is_named() {
        let chars: Vec<char> = "全年累计培训2000万人次。".chars().collect();
        assert_eq!(action(&chars, 6).as_deref(), Some("培训"));
        let chars: Vec<char> = "惠及三千万人。".chars().collect();
        assert_eq!(action(&chars, 2).as_deref(), Some("惠及"));
        let chars: Vec<char> = "我国已与26个国家".chars().collect();
        assert_eq!(action(&chars, 4), None);
    }

    #[test]
    fn the_counted_noun_of_a_label() {
        assert_eq!(counted_noun("授权发明专利"), Some("patents"));
        assert_eq!(counted_noun("国家和地区"), Some("countries and regions"));
        assert_eq!(counted_noun("参保人数"), None);
        assert_eq!(counted_noun("5G基站总数"), Some("base stations"));
        assert_eq!(counted_noun("我国发明专利有效量"), Some("patents"));
    }

    #[test]
    fn a_period_is_no_label() {
        for period in ["近五年", "2023年", "今年一季度", "十年来", "截至2022年底"] {
            assert!(is_period(period), "{period}");
        }
        assert!(!is_period("公路总里程"));
        assert!(!is_period("五一劳动奖章"));
    }

    #[test]
    fn long_phrases_keep_their_end() {
        let long = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄";
        let text = format!("{long}10个。");
        let found = label(&text, "10个").unwrap();
        assert_eq!(found.chars().count(), LONGEST);
        assert!(found.ends_with("天地玄黄"));
    }
}

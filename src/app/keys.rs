//! The one key table: it maps keys to actions, and the footer hints and the help popup are
//! built from it, so the three never disagree.
//!
//! The table holds the default keys. A [`KeyMap`] is the keys in force: the table's, with the
//! rows a configuration file rebinds ([`Rebinding`]) given other keys. The app receives one in
//! its options and looks every key, hint and help row up in it.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, ExportFormat};
use crate::app::strings::Phrase;

/// Where a binding applies. The app asks for the contexts active at the moment, innermost
/// first; the first matching binding in table order wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere (unless a prompt takes the keys).
    Global,
    /// The overview and the topic tabs.
    Dashboard,
    /// A topic tab's list of figures and its charts.
    FigureList,
    /// The Q&A tab.
    Pager,
    /// The overview's cards, on top of [`Context::Dashboard`].
    Cards,
    /// The Q&A tab's items list, on top of [`Context::Pager`].
    Items,
    /// An open popup (drill-down, topic picker, help).
    Popup,
    /// A figure's details, on top of [`Context::Popup`].
    Details,
    /// The topic picker popup, on top of [`Context::Popup`].
    TopicPicker,
    /// A prompt being typed into (the filter, the Q&A search). The prompt takes every key
    /// itself; its bindings here are what the footer and the help say about it.
    Prompt,
}

impl Context {
    /// The contexts active while this one is the innermost, innermost first: what a key is
    /// looked up in (a prompt reads its keys itself).
    pub const fn stack(self) -> &'static [Context] {
        match self {
            Self::Global => &[Self::Global],
            Self::Dashboard => &[Self::Dashboard, Self::Global],
            Self::FigureList => &[Self::FigureList, Self::Dashboard, Self::Global],
            Self::Cards => &[Self::Cards, Self::Dashboard, Self::Global],
            Self::Pager => &[Self::Pager, Self::Global],
            Self::Items => &[Self::Items, Self::Pager, Self::Global],
            Self::Popup => &[Self::Popup, Self::Global],
            Self::Details => &[Self::Details, Self::Popup, Self::Global],
            Self::TopicPicker => &[Self::TopicPicker, Self::Popup, Self::Global],
            Self::Prompt => &[Self::Prompt],
        }
    }

    /// The heading of this context's section in the help popup.
    pub fn title(self) -> Phrase {
        match self {
            Self::Global => Phrase {
                hans: "全局",
                hant: "全域",
                en: "Everywhere",
            },
            Self::Dashboard => Phrase {
                hans: "列表与问答",
                hant: "列表與問答",
                en: "Lists and Q&A",
            },
            Self::FigureList => Phrase {
                hans: "主题页",
                hant: "主題頁",
                en: "Topic tabs",
            },
            Self::Pager => Phrase {
                hans: "问答页",
                hant: "問答頁",
                en: "Q&A tab",
            },
            Self::Cards => Phrase {
                hans: "概览卡片",
                hant: "概覽卡片",
                en: "Overview cards",
            },
            Self::Items => Phrase {
                hans: "问答列表",
                hant: "問答列表",
                en: "Q&A items list",
            },
            Self::Popup => Phrase {
                hans: "弹出窗口",
                hant: "彈出視窗",
                en: "Popups",
            },
            Self::Details => Phrase {
                hans: "数据详情",
                hant: "數據詳情",
                en: "A figure's details",
            },
            Self::TopicPicker => Phrase {
                hans: "主题选择",
                hant: "主題選擇",
                en: "Topic picker",
            },
            Self::Prompt => Phrase {
                hans: "输入时",
                hant: "輸入時",
                en: "While typing",
            },
        }
    }
}

/// A key as the table spells it: a code, and whether Ctrl is held. Shift is part of the
/// character (`G`, `L`) or of the code (`BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key from a terminal event, or `None` for combinations the table never binds (Alt).
    pub fn from_event(event: &KeyEvent) -> Option<Self> {
        if event.modifiers.contains(KeyModifiers::ALT) {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Terminals differ in whether Ctrl-letters arrive upper- or lower-case.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Some(Self { code, ctrl })
    }

    /// How the help and the footer spell the key.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Left => "◂".to_string(),
            KeyCode::Right => "▸".to_string(),
            KeyCode::Up => "▴".to_string(),
            KeyCode::Down => "▾".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// The short form of a binding shown in the footer: the table's, or the keys in force when a
/// row is rebound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint<'a> {
    pub keys: &'a str,
    pub text: Phrase,
    /// Whether it also stands for the row after its own (`▴▾` for down and up).
    pub pair: bool,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static [Key],
    pub contexts: &'static [Context],
    /// For [`Action::GoToTab`], the tab comes from the digit pressed.
    pub action: Action,
    pub help: Phrase,
    /// Shown in the footer when the binding is active, in table order.
    pub hint: Option<Hint<'static>>,
}

impl Binding {
    /// What a press of `key`, the `position`-th of the row's keys in force, asks for: the
    /// n-th key of the go-to-tab row goes to tab n.
    fn action_at(&self, position: usize) -> Action {
        match self.action {
            Action::GoToTab(_) => Action::GoToTab(position),
            action => action,
        }
    }
}

/// Keys as the help popup lists them; a run of digits is shown as `1–9`.
fn keys_label(keys: &[Key]) -> String {
    let digits: Vec<char> = keys
        .iter()
        .filter_map(|k| match k.code {
            KeyCode::Char(c) if c.is_ascii_digit() && !k.ctrl => Some(c),
            _ => None,
        })
        .collect();
    if digits.len() == keys.len() && digits.len() > 2 {
        // An ASCII hyphen: the en dash is drawn two cells wide where ambiguous characters are.
        return format!("{}-{}", digits[0], digits[digits.len() - 1]);
    }
    let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
    labels.join(", ")
}

const fn phrase(hans: &'static str, hant: &'static str, en: &'static str) -> Phrase {
    Phrase { hans, hant, en }
}

const fn hint(keys: &'static str, text: Phrase) -> Hint<'static> {
    Hint {
        keys,
        text,
        pair: false,
    }
}

/// A hint for its row and the next, a pair of opposite moves.
const fn pair_hint(keys: &'static str, text: Phrase) -> Hint<'static> {
    Hint {
        keys,
        text,
        pair: true,
    }
}

use Context::{
    Cards, Dashboard, Details, FigureList, Global, Items, Pager, Popup, Prompt, TopicPicker,
};

const LISTS: &[Context] = &[Dashboard, Pager, Popup];
/// Every context, in the order the full help lists them.
pub const ALL_CONTEXTS: [Context; 10] = [
    Global,
    Dashboard,
    Cards,
    FigureList,
    Pager,
    Items,
    Popup,
    Details,
    TopicPicker,
    Prompt,
];

/// Where two rows may not share a key a rebinding brought: each main screen with the contexts
/// beneath it (the innermost would take the key from the other, unseen), and each popup's and
/// the prompt's own context (a popup taking a key for itself, as `q` closes one, is the
/// convention, not a clash).
fn clash_scopes() -> impl Iterator<Item = &'static [Context]> {
    let screens = [Dashboard, FigureList, Cards, Pager, Items].map(Context::stack);
    let own: [&[Context]; 4] = [&[Popup], &[Details], &[TopicPicker], &[Prompt]];
    screens.into_iter().chain(own)
}

/// Every key the dashboard knows. Order matters twice: the first match wins, and the footer
/// shows hints in this order (so the most useful ones come first).
pub static KEY_TABLE: &[Binding] = &[
    Binding {
        keys: &[Key::char('?'), Key::plain(KeyCode::F(1))],
        contexts: &[Global],
        action: Action::Help,
        help: phrase("显示按键帮助", "顯示按鍵說明", "show this help"),
        hint: Some(hint("?", phrase("帮助", "說明", "help"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Backspace), Key::ctrl('o')],
        contexts: &[Global],
        action: Action::GoBack,
        help: phrase(
            "回到跳转前的位置（标签页、详情、原文）",
            "回到跳轉前的位置（分頁、詳情、原文）",
            "go back to where you were before the last jump",
        ),
        hint: Some(hint("Bksp", phrase("后退", "後退", "back"))),
    },
    Binding {
        keys: &[Key::ctrl('f')],
        contexts: &[Global],
        action: Action::GoForward,
        help: phrase(
            "再前进到后退前的位置",
            "再前進到後退前的位置",
            "go forward again after going back",
        ),
        hint: Some(hint("Ctrl-f", phrase("前进", "前進", "forward"))),
    },
    Binding {
        keys: &[Key::char(' ')],
        contexts: &[TopicPicker],
        action: Action::ToggleTopic,
        help: phrase(
            "选取或取消主题",
            "選取或取消主題",
            "select or unselect a topic",
        ),
        hint: Some(hint("Space", phrase("选取", "選取", "select"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter), Key::char('o')],
        contexts: &[Details],
        action: Action::JumpToSource,
        help: phrase(
            "跳至问答中的原文",
            "跳至問答中的原文",
            "go to its source in the Q&A",
        ),
        hint: Some(hint("Enter", phrase("原文", "原文", "source"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        contexts: &[TopicPicker],
        action: Action::Open,
        help: phrase("应用所选主题", "套用所選主題", "apply the chosen topics"),
        hint: Some(hint("Enter", phrase("应用", "套用", "apply"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        contexts: &[Dashboard],
        action: Action::Open,
        help: phrase(
            "概览中打开所选主题的标签页",
            "概覽中開啟所選主題的分頁",
            "on the overview, open the selected topic's tab",
        ),
        hint: Some(hint("Enter", phrase("打开主题", "開啟主題", "open tab"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        contexts: &[FigureList, Cards],
        action: Action::Open,
        help: phrase(
            "打开所选数据的详情",
            "開啟所選數據的詳情",
            "open the selected figure's details",
        ),
        hint: Some(hint("Enter", phrase("详情", "詳情", "details"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        contexts: &[Items],
        action: Action::Open,
        help: phrase(
            "在问答中打开所选项",
            "在問答中開啟所選項",
            "open the selected item in the Q&A",
        ),
        hint: Some(hint("Enter", phrase("打开", "開啟", "open"))),
    },
    Binding {
        keys: &[Key::char('h'), Key::plain(KeyCode::Left)],
        contexts: &[Cards],
        action: Action::Left,
        help: phrase("左边的卡片", "左邊的卡片", "the card on the left"),
        hint: Some(hint("◂▸▴▾", phrase("卡片", "卡片", "cards"))),
    },
    Binding {
        keys: &[Key::char('l'), Key::plain(KeyCode::Right)],
        contexts: &[Cards],
        action: Action::Right,
        help: phrase("右边的卡片", "右邊的卡片", "the card on the right"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('i')],
        contexts: &[Pager, Items],
        action: Action::FocusItems,
        help: phrase(
            "在问答列表与正文之间切换",
            "在問答列表與正文之間切換",
            "move between the items list and the text",
        ),
        hint: Some(hint("i", phrase("列表", "列表", "list"))),
    },
    Binding {
        keys: &[Key::char('j'), Key::plain(KeyCode::Down)],
        contexts: LISTS,
        action: Action::Down,
        help: phrase("向下移动", "向下移動", "move down"),
        hint: Some(pair_hint("▴▾", phrase("移动", "移動", "move"))),
    },
    Binding {
        keys: &[Key::char('k'), Key::plain(KeyCode::Up)],
        contexts: LISTS,
        action: Action::Up,
        help: phrase("向上移动", "向上移動", "move up"),
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageDown), Key::char(' ')],
        contexts: LISTS,
        action: Action::PageDown,
        help: phrase("向下翻页", "向下翻頁", "page down"),
        hint: None,
    },
    Binding {
        keys: &[Key::plain(KeyCode::PageUp)],
        contexts: LISTS,
        action: Action::PageUp,
        help: phrase("向上翻页", "向上翻頁", "page up"),
        hint: None,
    },
    Binding {
        keys: &[Key::ctrl('d')],
        contexts: LISTS,
        action: Action::HalfPageDown,
        help: phrase("向下翻半页", "向下翻半頁", "half a page down"),
        hint: None,
    },
    Binding {
        keys: &[Key::ctrl('u')],
        contexts: LISTS,
        action: Action::HalfPageUp,
        help: phrase("向上翻半页", "向上翻半頁", "half a page up"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('g'), Key::plain(KeyCode::Home)],
        contexts: LISTS,
        action: Action::Top,
        help: phrase("到顶部", "到頂部", "go to the top"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('G'), Key::plain(KeyCode::End)],
        contexts: LISTS,
        action: Action::Bottom,
        help: phrase("到底部", "到底部", "go to the bottom"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('c'), Key::char(']')],
        contexts: &[FigureList],
        action: Action::NextChart,
        help: phrase("下一个图表", "下一個圖表", "next chart"),
        hint: Some(hint("c", phrase("图表", "圖表", "chart"))),
    },
    Binding {
        keys: &[Key::char('C'), Key::char('[')],
        contexts: &[FigureList],
        action: Action::PrevChart,
        help: phrase("上一个图表", "上一個圖表", "previous chart"),
        hint: None,
    },
    Binding {
        keys: &[Key::char(']')],
        contexts: &[Pager],
        action: Action::NextItem,
        help: phrase("下一个问答", "下一個問答", "next Q&A item"),
        hint: Some(hint("][", phrase("问答", "問答", "items"))),
    },
    Binding {
        keys: &[Key::char('[')],
        contexts: &[Pager],
        action: Action::PrevItem,
        help: phrase("上一个问答", "上一個問答", "previous Q&A item"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('/')],
        contexts: &[Dashboard],
        action: Action::StartSearch,
        help: phrase(
            "按文字筛选数据（标签、原文）",
            "按文字篩選數據（標籤、原文）",
            "filter figures by text (labels, source sentences)",
        ),
        hint: Some(hint("/", phrase("筛选", "篩選", "filter"))),
    },
    Binding {
        keys: &[Key::char('/')],
        contexts: &[Pager],
        action: Action::StartSearch,
        help: phrase("在问答中搜索", "在問答中搜尋", "search the Q&A"),
        hint: Some(hint("/", phrase("搜索", "搜尋", "search"))),
    },
    Binding {
        keys: &[Key::char('n')],
        contexts: &[Pager],
        action: Action::NextMatch,
        help: phrase("下一个匹配", "下一個符合", "next match"),
        hint: Some(pair_hint("n/N", phrase("匹配", "符合", "matches"))),
    },
    Binding {
        keys: &[Key::char('N')],
        contexts: &[Pager],
        action: Action::PrevMatch,
        help: phrase("上一个匹配", "上一個符合", "previous match"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('t')],
        contexts: &[Global],
        action: Action::TopicPicker,
        help: phrase(
            "按主题筛选（可多选）",
            "按主題篩選（可多選）",
            "filter by topics (several allowed)",
        ),
        hint: Some(hint("t", phrase("主题", "主題", "topics"))),
    },
    Binding {
        keys: &[
            Key::plain(KeyCode::Tab),
            Key::plain(KeyCode::Right),
            Key::char('l'),
        ],
        contexts: &[Global],
        action: Action::NextTab,
        help: phrase("下一个标签页", "下一個分頁", "next tab"),
        hint: Some(hint("Tab", phrase("标签页", "分頁", "tabs"))),
    },
    Binding {
        keys: &[
            Key::plain(KeyCode::BackTab),
            Key::plain(KeyCode::Left),
            Key::char('h'),
        ],
        contexts: &[Global],
        action: Action::PrevTab,
        help: phrase("上一个标签页", "上一個分頁", "previous tab"),
        hint: None,
    },
    Binding {
        keys: &[
            Key::char('1'),
            Key::char('2'),
            Key::char('3'),
            Key::char('4'),
            Key::char('5'),
            Key::char('6'),
            Key::char('7'),
            Key::char('8'),
            Key::char('9'),
        ],
        contexts: &[Global],
        action: Action::GoToTab(0),
        help: phrase("跳至第 n 个标签页", "跳至第 n 個分頁", "go to tab n"),
        hint: None,
    },
    Binding {
        keys: &[Key::char('0')],
        contexts: &[Global],
        action: Action::LastTab,
        help: phrase(
            "跳至最后一个标签页（问答）",
            "跳至最後一個分頁（問答）",
            "go to the last tab (Q&A)",
        ),
        hint: None,
    },
    Binding {
        keys: &[Key::char('s')],
        contexts: &[Global],
        action: Action::ToggleScript,
        help: phrase(
            "切换繁体/简体",
            "切換繁體/簡體",
            "switch traditional/simplified",
        ),
        hint: Some(hint("s", phrase("繁/简", "繁/簡", "繁/简"))),
    },
    Binding {
        keys: &[Key::char('L')],
        contexts: &[Global],
        action: Action::ToggleLang,
        help: phrase(
            "切换中文/英文标签",
            "切換中文/英文標籤",
            "switch Chinese/English labels",
        ),
        hint: Some(hint("L", phrase("English", "English", "中文"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        contexts: &[Global],
        action: Action::Back,
        help: phrase(
            "关闭弹出窗口或输入，再按清除筛选文字，再按清除主题",
            "關閉彈出視窗或輸入，再按清除篩選文字，再按清除主題",
            "close a popup or prompt, then clear the filter's text, then its topics",
        ),
        hint: Some(hint("Esc", phrase("取消", "取消", "cancel"))),
    },
    Binding {
        keys: &[Key::char('q'), Key::ctrl('c')],
        contexts: &[Global],
        action: Action::Quit,
        help: phrase("退出", "退出", "quit"),
        hint: Some(hint("q", phrase("退出", "退出", "quit"))),
    },
    Binding {
        keys: &[Key::char('q')],
        contexts: &[Popup],
        action: Action::Back,
        help: phrase(
            "关闭弹出窗口（如 less）",
            "關閉彈出視窗（如 less）",
            "close the popup (as in less)",
        ),
        hint: None,
    },
    Binding {
        keys: &[Key::char('r')],
        contexts: &[FigureList],
        action: Action::CycleOrder,
        help: phrase(
            "切换排序：按发言顺序、按数值（同单位内）、按名称",
            "切換排序：按發言順序、按數值（同單位內）、按名稱",
            "change the order: as said, by value (within a unit), by label",
        ),
        hint: Some(hint("r", phrase("排序", "排序", "order"))),
    },
    Binding {
        keys: &[Key::char('y')],
        contexts: &[Dashboard, Pager, Details],
        action: Action::CopyCitation,
        help: phrase(
            "复制所选数据或问答页顶部段落的引文（OSC 52 剪贴板）",
            "複製所選數據或問答頁頂部段落的引文（OSC 52 剪貼簿）",
            "copy the selected figure, or on the Q&A tab the paragraph at the top, as a citation \
             (OSC 52 clipboard)",
        ),
        hint: Some(hint("y", phrase("引用", "引用", "cite"))),
    },
    Binding {
        keys: &[Key::char('e')],
        contexts: &[Dashboard, Pager],
        action: Action::Export(ExportFormat::Csv),
        help: phrase(
            "把筛选出的数据导出为 CSV 文件（当前目录）",
            "把篩選出的數據匯出為 CSV 檔案（目前目錄）",
            "export the figures the filter shows to a CSV file in the current directory",
        ),
        hint: None,
    },
    Binding {
        keys: &[Key::char('E')],
        contexts: &[Dashboard, Pager],
        action: Action::Export(ExportFormat::Markdown),
        help: phrase(
            "把筛选出的数据导出为 Markdown 文件（当前目录）",
            "把篩選出的數據匯出為 Markdown 檔案（目前目錄）",
            "export the figures the filter shows to a Markdown file in the current directory",
        ),
        hint: None,
    },
    Binding {
        keys: &[Key::ctrl('z')],
        contexts: &[Global],
        action: Action::Suspend,
        help: phrase(
            "暂停，回到 shell（fg 继续）",
            "暫停，回到 shell（fg 繼續）",
            "suspend to the shell (fg resumes)",
        ),
        hint: None,
    },
    // A prompt reads its keys itself: these rows say what it does with them.
    Binding {
        keys: &[Key::plain(KeyCode::Enter)],
        contexts: &[Prompt],
        action: Action::Open,
        help: phrase("确定所输入的", "確定所輸入的", "apply what was typed"),
        hint: Some(hint("Enter", phrase("确定", "確定", "apply"))),
    },
    Binding {
        keys: &[Key::plain(KeyCode::Esc)],
        contexts: &[Prompt],
        action: Action::Back,
        help: phrase(
            "取消，恢复输入前的内容",
            "取消，恢復輸入前的內容",
            "cancel, restoring what was there before",
        ),
        hint: Some(hint("Esc", phrase("取消", "取消", "cancel"))),
    },
];

/// Key names as `render --keys` and the configuration file spell them, and the event each
/// stands for, with the spellings the help and the README use (`PgDn`, `Shift-Tab`). Shift-Tab
/// is reported by terminals as `BackTab` with Shift held, so it is replayed the same way.
/// Where two names mean one key, the last, which the help uses, is how a key is written back.
const KEY_NAMES: [(&str, KeyCode, KeyModifiers); 18] = [
    ("Tab", KeyCode::Tab, KeyModifiers::NONE),
    ("BackTab", KeyCode::BackTab, KeyModifiers::SHIFT),
    ("Shift-Tab", KeyCode::BackTab, KeyModifiers::SHIFT),
    ("Enter", KeyCode::Enter, KeyModifiers::NONE),
    ("Esc", KeyCode::Esc, KeyModifiers::NONE),
    ("Up", KeyCode::Up, KeyModifiers::NONE),
    ("Down", KeyCode::Down, KeyModifiers::NONE),
    ("Left", KeyCode::Left, KeyModifiers::NONE),
    ("Right", KeyCode::Right, KeyModifiers::NONE),
    ("PageUp", KeyCode::PageUp, KeyModifiers::NONE),
    ("PageDown", KeyCode::PageDown, KeyModifiers::NONE),
    ("PgUp", KeyCode::PageUp, KeyModifiers::NONE),
    ("PgDn", KeyCode::PageDown, KeyModifiers::NONE),
    ("Home", KeyCode::Home, KeyModifiers::NONE),
    ("End", KeyCode::End, KeyModifiers::NONE),
    ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
    ("Backspace", KeyCode::Backspace, KeyModifiers::NONE),
    ("F1", KeyCode::F(1), KeyModifiers::NONE),
];

/// The event a key name (`Tab`, `PgDn`, in any case) stands for.
pub fn named_key(name: &str) -> Option<KeyEvent> {
    KEY_NAMES
        .iter()
        .find(|(known, ..)| known.eq_ignore_ascii_case(name))
        .map(|&(_, code, modifiers)| KeyEvent::new(code, modifiers))
}

/// The event of `Ctrl-x` or `C-x`: terminals cannot tell Ctrl-x from Ctrl-X, and report the
/// lowercase letter. `None` when the token has no such prefix, an error when more than one
/// character follows it.
pub fn control_key(token: &str) -> Option<Result<KeyEvent, String>> {
    let rest = ["C-", "Ctrl-"]
        .iter()
        .find_map(|prefix| {
            let (head, rest) = token.split_at_checked(prefix.len())?;
            head.eq_ignore_ascii_case(prefix).then_some(rest)
        })
        .filter(|rest| !rest.is_empty())?;
    let mut chars = rest.chars();
    Some(match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(KeyEvent::new(
            KeyCode::Char(c.to_ascii_lowercase()),
            KeyModifiers::CONTROL,
        )),
        _ => Err(format!(
            "`{token}` is not a key: Ctrl- takes one character, as in Ctrl-c or C-d"
        )),
    })
}

/// A typed character as crossterm reports it: uppercase letters come with Shift.
pub fn typed_char(c: char) -> KeyEvent {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

/// The key names, for messages.
pub fn key_names() -> String {
    KEY_NAMES.map(|(name, ..)| name).join(" ")
}

/// One key as a configuration file writes it: a key name, `Ctrl-x` (or `C-x`), or a single
/// character.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let event = if let Some(event) = named_key(text) {
        event
    } else if let Some(control) = control_key(text) {
        control?
    } else {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => typed_char(c),
            _ => {
                return Err(format!(
                    "`{text}` is not a key: write a key name ({}), Ctrl-x, or one character",
                    key_names()
                ));
            }
        }
    };
    Key::from_event(&event).ok_or_else(|| format!("`{text}` is not a key"))
}

impl Key {
    /// How a configuration file writes the key, as [`parse_key`] reads it back.
    pub fn name(self) -> String {
        let name = KEY_NAMES
            .iter()
            .rfind(|(_, code, _)| *code == self.code)
            .map_or_else(
                || match self.code {
                    KeyCode::Char(c) => c.to_string(),
                    _ => self.label(),
                },
                |(name, ..)| (*name).to_string(),
            );
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// The name a configuration file gives row `row` of the table: its action in kebab-case
/// (`next-tab`). When other rows bind the same action, a row of a popup or the Q&A tab is
/// named after its context too (`popup-back`, `pager-start-search`); the app-wide or list
/// row keeps the action's name (`back`, `start-search`).
pub fn row_name(row: usize) -> String {
    let Some(binding) = KEY_TABLE.get(row) else {
        return String::new();
    };
    let action = kebab(&format!("{:?}", binding.action));
    let shared = KEY_TABLE
        .iter()
        .filter(|other| same_action(other.action, binding.action))
        .count()
        > 1;
    match binding.contexts.first() {
        Some(context) if shared && !matches!(context, Global | Dashboard) => {
            format!("{}-{action}", kebab(&format!("{context:?}")))
        }
        _ => action,
    }
}

/// Whether two actions are the same whatever their data (every go-to-tab is one).
fn same_action(a: Action, b: Action) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// `GoToTab(0)` as `go-to-tab`, `Export(Csv)` as `export-csv`: a Debug name in kebab-case,
/// with its data where that names a kind rather than a number.
fn kebab(debug: &str) -> String {
    let name = match debug.split_once('(') {
        Some((name, data)) if data.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("{name}{}", data.trim_end_matches(')'))
        }
        Some((name, _)) => name.to_owned(),
        None => debug.to_owned(),
    };
    let mut kebab = String::with_capacity(name.len() + 4);
    for (index, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && index > 0 {
            kebab.push('-');
        }
        kebab.push(c.to_ascii_lowercase());
    }
    kebab
}

/// Whether a configuration file may give row `row` other keys. A prompt reads its keys itself,
/// so the rows that describe it are not bindings.
fn rebindable(binding: &Binding) -> bool {
    !binding.contexts.contains(&Prompt)
}

/// The row a configuration file names `name`, if it may be rebound.
pub fn row_named(name: &str) -> Option<usize> {
    (0..KEY_TABLE.len()).find(|&row| rebindable(&KEY_TABLE[row]) && row_name(row) == name)
}

/// Every row a configuration file may rebind, by name, in table order.
pub fn rebindable_rows() -> impl Iterator<Item = (usize, String)> {
    (0..KEY_TABLE.len())
        .filter(|&row| rebindable(&KEY_TABLE[row]))
        .map(|row| (row, row_name(row)))
}

/// A row of the key table given other keys, as a configuration file does on `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub row: usize,
    pub keys: Vec<Key>,
    pub line: usize,
}

/// Two rows that would take the same key in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// The line of the rebinding that brought the clash.
    pub line: usize,
    /// The name of the rebound row.
    pub name: String,
    pub message: String,
}

/// The keys in force for each row of the key table: what the app looks keys, hints and help
/// up in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    /// Per row of [`KEY_TABLE`], its keys.
    keys: Vec<Vec<Key>>,
    /// Per row, the keys its footer hint names.
    hint_keys: Vec<String>,
}

impl Default for KeyMap {
    /// The table's own keys.
    fn default() -> Self {
        Self {
            keys: KEY_TABLE.iter().map(|b| b.keys.to_vec()).collect(),
            hint_keys: KEY_TABLE
                .iter()
                .map(|b| b.hint.map(|h| h.keys.to_string()).unwrap_or_default())
                .collect(),
        }
    }
}

impl KeyMap {
    /// The table's keys with each rebinding's in place of its row's, or every clash: a key
    /// taken by two rows in one context. A rebound row's footer hint names its first key.
    pub fn with(rebindings: &[Rebinding]) -> Result<Self, Vec<Clash>> {
        let mut map = Self::default();
        let mut line_of = vec![None; KEY_TABLE.len()];
        for rebinding in rebindings {
            let Some(binding) = KEY_TABLE.get(rebinding.row) else {
                continue;
            };
            line_of[rebinding.row] = Some(rebinding.line);
            if binding.keys == rebinding.keys.as_slice() {
                continue;
            }
            map.keys[rebinding.row].clone_from(&rebinding.keys);
        }
        // A hint names the keys in force once its row, or the row its pair hint also stands
        // for, is rebound: the first key of each, `J/K`.
        for (row, binding) in KEY_TABLE.iter().enumerate() {
            let Some(hint) = binding.hint else {
                continue;
            };
            let rows = row..(row + 1 + usize::from(hint.pair)).min(KEY_TABLE.len());
            if rows.clone().all(|r| map.keys[r] == KEY_TABLE[r].keys) {
                continue;
            }
            map.hint_keys[row] = rows
                .filter_map(|r| map.keys[r].first().map(|key| key.label()))
                .collect::<Vec<_>>()
                .join("/");
        }
        let mut clashes = Vec::new();
        let mut reported = std::collections::HashSet::new();
        for scope in clash_scopes() {
            let rows: Vec<usize> = (0..KEY_TABLE.len())
                .filter(|&row| scope.iter().any(|c| KEY_TABLE[row].contexts.contains(c)))
                .collect();
            for (index, &row) in rows.iter().enumerate() {
                for &other in &rows[index + 1..] {
                    for key in map.keys[row].iter().filter(|k| map.keys[other].contains(k)) {
                        // Reported at a rebinding that brought the key; keys both rows have
                        // by default (`q` quits, and closes a popup) are the table's choice.
                        let Some((at, line)) = [other, row].into_iter().find_map(|r| {
                            line_of[r]
                                .filter(|_| !KEY_TABLE[r].keys.contains(key))
                                .map(|line| (r, line))
                        }) else {
                            continue;
                        };
                        let partner = if at == row { other } else { row };
                        // Once per pair and key, naming the first screen it shows on.
                        if !reported.insert((at, partner, *key)) {
                            continue;
                        }
                        let context = scope
                            .iter()
                            .find(|c| KEY_TABLE[partner].contexts.contains(c))
                            .unwrap_or(&scope[0]);
                        clashes.push(Clash {
                            line,
                            name: row_name(at),
                            message: format!(
                                "binds `{}` where `{}` has it too ({})",
                                key.name(),
                                row_name(partner),
                                context.title().en.to_lowercase()
                            ),
                        });
                    }
                }
            }
        }
        if clashes.is_empty() {
            Ok(map)
        } else {
            clashes.sort_by_key(|clash| clash.line);
            Err(clashes)
        }
    }

    /// `text`, an interface string that names default keys, naming the keys in force: each
    /// `(spelled, name)` replaces the first `spelled` (`Esc`, `Enter/o`) with the keys of the
    /// row named `name` when the configuration rebound it, all of them when `spelled` names
    /// several (`x/o`), else the first.
    pub fn respell<'t>(&self, text: &'t str, spots: &[(&str, &str)]) -> Cow<'t, str> {
        let mut text = Cow::Borrowed(text);
        for &(spelled, name) in spots {
            let Some(row) = row_named(name) else {
                continue;
            };
            let keys = self.keys(row);
            if keys == KEY_TABLE[row].keys || !text.contains(spelled) {
                continue;
            }
            let labels: Vec<String> = keys.iter().map(|key| key.label()).collect();
            let now = if spelled.contains('/') {
                labels.join("/")
            } else {
                labels.first().cloned().unwrap_or_default()
            };
            text = Cow::Owned(text.replacen(spelled, &now, 1));
        }
        text
    }

    /// The keys of row `row` in force.
    pub fn keys(&self, row: usize) -> &[Key] {
        self.keys.get(row).map_or(&[], Vec::as_slice)
    }

    /// The rows whose keys differ from the table's, by name, with their keys.
    pub fn rebound(&self) -> impl Iterator<Item = (String, &[Key])> {
        KEY_TABLE
            .iter()
            .enumerate()
            .filter(|&(row, binding)| self.keys(row) != binding.keys)
            .map(|(row, _)| (row_name(row), self.keys(row)))
    }

    /// The action bound to `event` in the first of the `active` contexts (innermost first)
    /// that binds it, if any.
    pub fn lookup(&self, event: &KeyEvent, active: &[Context]) -> Option<Action> {
        let key = Key::from_event(event)?;
        let row = self.row_for(key, active)?;
        let position = self.keys(row).iter().position(|k| *k == key)?;
        Some(KEY_TABLE[row].action_at(position))
    }

    /// The row a press of `key` reaches in `active` contexts (innermost first).
    fn row_for(&self, key: Key, active: &[Context]) -> Option<usize> {
        active.iter().find_map(|context| {
            (0..KEY_TABLE.len()).find(|&row| {
                self.keys(row).contains(&key) && KEY_TABLE[row].contexts.contains(context)
            })
        })
    }

    /// The footer hints of the bindings active in `active` contexts, in table order, each
    /// with its action. A binding whose key an inner context takes for something else (`q`
    /// closing a popup rather than quitting) is not offered.
    pub fn hints<'a, 'b>(
        &'a self,
        active: &'b [Context],
    ) -> impl Iterator<Item = (Action, Hint<'a>)> + use<'a, 'b> {
        KEY_TABLE.iter().enumerate().filter_map(move |(row, b)| {
            let reached = self
                .keys(row)
                .first()
                .and_then(|&key| self.row_for(key, active))
                == Some(row);
            let written = b.hint.filter(|_| reached)?;
            let keys = self.hint_keys.get(row).map_or("", String::as_str);
            Some((b.action, Hint { keys, ..written }))
        })
    }

    /// The key table grouped by each binding's first context, sections in a fixed order,
    /// each binding with its keys in force as the help lists them.
    pub fn help_sections(&self) -> Vec<(Context, Vec<(String, &'static Binding)>)> {
        sections(&ALL_CONTEXTS, &self.every_row())
    }

    /// Every row of the table under its first context, with its keys in force.
    pub fn every_row(&self) -> Vec<Listed> {
        KEY_TABLE
            .iter()
            .enumerate()
            .filter_map(|(row, b)| {
                Some(Listed {
                    row,
                    context: *b.contexts.first()?,
                    keys: self.keys(row).to_vec(),
                })
            })
            .collect()
    }

    /// The row `row` as the `active` contexts (innermost first) reach it: the context it is
    /// reached in, and those of its keys in force that reach it there rather than a row of an
    /// inner context (`q` closes a popup, so only `Ctrl-c` quits from one). `None` when no key
    /// reaches it.
    pub fn reaching(&self, row: usize, active: &[Context]) -> Option<Listed> {
        let keys: Vec<Key> = self
            .keys(row)
            .iter()
            .copied()
            .filter(|&key| self.row_for(key, active) == Some(row))
            .collect();
        let binding = KEY_TABLE.get(row)?;
        let context = active
            .iter()
            .copied()
            .find(|context| binding.contexts.contains(context))?;
        (!keys.is_empty()).then_some(Listed { row, context, keys })
    }
}

/// A row of the key table as a help lists it: under which context, with which keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub row: usize,
    pub context: Context,
    pub keys: Vec<Key>,
}

/// `listed` grouped by context, the sections in the order of `order`, each row with its keys
/// as the help spells them; a context with no row gives an empty section.
pub fn sections(
    order: &[Context],
    listed: &[Listed],
) -> Vec<(Context, Vec<(String, &'static Binding)>)> {
    order
        .iter()
        .map(|&context| {
            let bindings = listed
                .iter()
                .filter(|l| l.context == context)
                .filter_map(|l| Some((keys_label(&l.keys), KEY_TABLE.get(l.row)?)))
                .collect();
            (context, bindings)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Lang, Script};
    use crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    /// The action of `event` with the table's keys.
    fn lookup(event: &KeyEvent, active: &[Context]) -> Option<Action> {
        KeyMap::default().lookup(event, active)
    }

    /// Every binding of `map` as (keys, description), as the help lists them.
    fn help_rows(map: &KeyMap, lang: Lang, script: Script) -> Vec<(String, String)> {
        map.help_sections()
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .map(|(keys, b)| (keys, b.help.get(lang, script).to_string()))
            .collect()
    }

    /// `map`'s rebinding of the row named `name` to `keys`, on `line`.
    fn rebind(name: &str, keys: &[&str], line: usize) -> Rebinding {
        Rebinding {
            row: row_named(name).unwrap_or_else(|| panic!("no action {name}")),
            keys: keys
                .iter()
                .map(|key| parse_key(key).unwrap_or_else(|e| panic!("{e}")))
                .collect(),
            line,
        }
    }

    fn char_key(c: char) -> KeyEvent {
        press(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn back_tab_matches_whatever_the_modifiers() {
        let active = [Dashboard, Global];
        for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            assert_eq!(
                lookup(&press(KeyCode::BackTab, mods), &active),
                Some(Action::PrevTab)
            );
        }
    }

    #[test]
    fn digits_go_to_their_tab() {
        let active = [Global];
        let seven = press(KeyCode::Char('7'), KeyModifiers::NONE);
        assert_eq!(lookup(&seven, &active), Some(Action::GoToTab(6)));
    }

    #[test]
    fn ctrl_letters_match_either_case_and_plain_letters_do_not() {
        let active = [Dashboard, Global];
        assert_eq!(
            lookup(&press(KeyCode::Char('C'), KeyModifiers::CONTROL), &active),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&press(KeyCode::Char('d'), KeyModifiers::CONTROL), &active),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            lookup(&press(KeyCode::Char('d'), KeyModifiers::NONE), &active),
            None
        );
        assert_eq!(
            lookup(&press(KeyCode::Char('q'), KeyModifiers::ALT), &active),
            None
        );
    }

    #[test]
    fn the_same_key_means_different_things_in_different_contexts() {
        let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(
            lookup(&space, &[TopicPicker, Popup, Global]),
            Some(Action::ToggleTopic)
        );
        assert_eq!(lookup(&space, &[Popup, Global]), Some(Action::PageDown));
        assert_eq!(lookup(&space, &[Pager, Global]), Some(Action::PageDown));
        let bracket = press(KeyCode::Char(']'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&bracket, &[FigureList, Dashboard, Global]),
            Some(Action::NextChart)
        );
        assert_eq!(lookup(&bracket, &[Pager, Global]), Some(Action::NextItem));
        // Shift arrives as an upper-case letter, with or without the SHIFT flag.
        let big_l = press(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&big_l, &[Global]), Some(Action::ToggleLang));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in ALL_CONTEXTS {
            let mut seen: Vec<Key> = Vec::new();
            for binding in KEY_TABLE.iter().filter(|b| b.contexts.contains(&context)) {
                for key in binding.keys {
                    assert!(
                        !seen.contains(key),
                        "{} bound twice in {context:?}",
                        key.label()
                    );
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding_once_in_each_language() {
        for (lang, script) in [
            (Lang::Zh, Script::Hans),
            (Lang::Zh, Script::Hant),
            (Lang::En, Script::Hans),
        ] {
            let rows = help_rows(&KeyMap::default(), lang, script);
            assert_eq!(rows.len(), KEY_TABLE.len());
            assert!(
                rows.iter()
                    .all(|(keys, text)| !keys.is_empty() && !text.is_empty())
            );
        }
        let rows = help_rows(&KeyMap::default(), Lang::En, Script::Hans);
        assert!(rows.contains(&("1-9".to_string(), "go to tab n".to_string())));
        assert!(rows.contains(&("q, Ctrl-c".to_string(), "quit".to_string())));
        assert!(rows.contains(&("Shift-Tab, ◂, h".to_string(), "previous tab".to_string())));
    }

    #[test]
    fn keys_are_read_as_render_spells_them_and_written_back_the_same() {
        let cases = [
            ("q", Key::char('q')),
            ("G", Key::char('G')),
            ("法", Key::char('法')),
            ("Ctrl-d", Key::ctrl('d')),
            ("C-D", Key::ctrl('d')),
            ("PgDn", Key::plain(KeyCode::PageDown)),
            ("PageDown", Key::plain(KeyCode::PageDown)),
            ("Shift-Tab", Key::plain(KeyCode::BackTab)),
            ("BackTab", Key::plain(KeyCode::BackTab)),
            ("Enter", Key::plain(KeyCode::Enter)),
            ("Space", Key::char(' ')),
            ("F1", Key::plain(KeyCode::F(1))),
        ];
        for (text, key) in cases {
            assert_eq!(parse_key(text), Ok(key), "{text}");
            assert_eq!(parse_key(&key.name()), Ok(key), "{text} written back");
        }
        assert_eq!(Key::plain(KeyCode::PageDown).name(), "PgDn");
        assert_eq!(Key::plain(KeyCode::BackTab).name(), "Shift-Tab");
        for bad in ["Escape", "qq", "", "Ctrl-ab", "F2", "\u{1b}"] {
            let error = parse_key(bad).unwrap_err();
            assert!(error.contains("is not a key"), "{bad}: {error}");
        }
        assert!(parse_key("Escape").unwrap_err().contains("PgDn"));
    }

    #[test]
    fn every_row_but_the_prompts_has_a_name_of_its_own() {
        let names: Vec<String> = rebindable_rows().map(|(_, name)| name).collect();
        for (index, name) in names.iter().enumerate() {
            assert!(!names[index + 1..].contains(name), "{name} twice");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            assert_eq!(row_named(name).map(row_name).as_ref(), Some(name));
        }
        for name in [
            "quit",
            "next-tab",
            "go-to-tab",
            "back",
            "popup-back",
            "open",
            "topic-picker-open",
            "start-search",
            "pager-start-search",
        ] {
            assert!(names.iter().any(|known| known == name), "{name}: {names:?}");
        }
        let prompt_rows = KEY_TABLE
            .iter()
            .filter(|b| b.contexts.contains(&Prompt))
            .count();
        assert_eq!(names.len() + prompt_rows, KEY_TABLE.len());
    }

    #[test]
    fn a_rebound_action_answers_to_its_new_keys_only() {
        let map = KeyMap::with(&[
            rebind("quit", &["x", "Ctrl-c"], 3),
            rebind("next-tab", &["w"], 4),
        ])
        .expect("no clash");
        let active = [Dashboard, Global];
        assert_eq!(map.lookup(&char_key('x'), &active), Some(Action::Quit));
        assert_eq!(map.lookup(&char_key('q'), &active), None);
        assert_eq!(map.lookup(&char_key('w'), &active), Some(Action::NextTab));
        assert_eq!(
            map.lookup(&press(KeyCode::Tab, KeyModifiers::NONE), &active),
            None
        );
        let rebound: Vec<String> = map.rebound().map(|(name, _)| name).collect();
        assert_eq!(rebound, ["next-tab", "quit"]);
    }

    #[test]
    fn the_nth_key_of_go_to_tab_goes_to_tab_n() {
        let map = KeyMap::with(&[
            rebind("go-to-tab", &["F1", "a", "b"], 1),
            rebind("help", &["?"], 2),
        ])
        .expect("no clash");
        assert_eq!(
            map.lookup(&press(KeyCode::F(1), KeyModifiers::NONE), &[Global]),
            Some(Action::GoToTab(0))
        );
        assert_eq!(
            map.lookup(&char_key('b'), &[Global]),
            Some(Action::GoToTab(2))
        );
        assert_eq!(map.lookup(&char_key('3'), &[Global]), None);
    }

    #[test]
    fn hints_and_help_name_the_keys_in_force() {
        let map = KeyMap::with(&[rebind("quit", &["x"], 1)]).expect("no clash");
        let hints: Vec<(Action, &str)> = map
            .hints(&[Dashboard, Global])
            .map(|(action, hint)| (action, hint.keys))
            .collect();
        assert!(hints.contains(&(Action::Quit, "x")), "{hints:?}");
        assert!(
            hints.contains(&(Action::Help, "?")),
            "unchanged rows keep their hint"
        );
        let rows = help_rows(&map, Lang::En, Script::Hans);
        assert!(rows.contains(&("x".to_string(), "quit".to_string())));
        // Where a popup takes `q` to close, the footer does not offer it to quit.
        let defaults = KeyMap::default();
        let popup_hints: Vec<&str> = defaults
            .hints(&[Popup, Global])
            .map(|(_, hint)| hint.keys)
            .collect();
        assert!(!popup_hints.contains(&"q"), "{popup_hints:?}");
    }

    #[test]
    fn a_key_taken_twice_in_one_context_is_a_clash_at_the_line_that_brought_it() {
        let clashes = KeyMap::with(&[rebind("help", &["q"], 7)]).unwrap_err();
        assert_eq!(clashes.len(), 1, "{clashes:?}");
        assert_eq!(clashes[0].line, 7);
        assert_eq!(clashes[0].name, "help");
        assert!(
            clashes[0].message.contains("`quit`"),
            "{}",
            clashes[0].message
        );
        // Both rebound: reported once per pair, at the first row's line.
        let clashes =
            KeyMap::with(&[rebind("down", &["x"], 2), rebind("up", &["x"], 3)]).unwrap_err();
        assert!(
            clashes.iter().all(|c| c.message.contains('x')),
            "{clashes:?}"
        );
        assert!(!clashes.is_empty());
        // The same key in two contexts is no clash: `q` quits, and closes a popup.
        assert!(
            KeyMap::with(&[rebind("popup-back", &["x"], 1), rebind("quit", &["x"], 2)]).is_ok()
        );
        // Moving a key away frees it.
        assert!(KeyMap::with(&[rebind("quit", &["Ctrl-c"], 1), rebind("help", &["q"], 2)]).is_ok());
    }

    #[test]
    fn a_key_an_inner_screen_takes_is_a_clash_wherever_it_would_act_unseen() {
        // `j` moves down in every list, so a help on `j` could never be reached there.
        let clashes = KeyMap::with(&[rebind("help", &["j"], 4)]).unwrap_err();
        assert_eq!(clashes.len(), 1, "{clashes:?}");
        assert_eq!((clashes[0].line, clashes[0].name.as_str()), (4, "help"));
        assert!(clashes[0].message.contains("`down`"), "{clashes:?}");
        // Enter opens the details in the lists: quitting on it would only work elsewhere.
        let clashes = KeyMap::with(&[rebind("quit", &["Enter"], 2)]).unwrap_err();
        assert!(
            clashes.iter().any(|c| c.message.contains("`Enter`")),
            "{clashes:?}"
        );
        // The other way round: a list key taking the key of an action that works everywhere.
        let clashes = KeyMap::with(&[rebind("down", &["Ctrl-z"], 3)]).unwrap_err();
        assert!(clashes[0].message.contains("`suspend`"), "{clashes:?}");
        // Reported once for the pair, however many screens show it.
        let clashes =
            KeyMap::with(&[rebind("down", &["x"], 2), rebind("up", &["x"], 3)]).unwrap_err();
        assert_eq!(clashes.len(), 1, "{clashes:?}");
    }

    #[test]
    fn interface_strings_name_the_keys_in_force() {
        let defaults = KeyMap::default();
        let spots = [("Enter/o", "jump-to-source"), ("Esc", "back")];
        let hint = "Enter/o: go to the Q&A ⋅ Esc: close";
        assert!(matches!(defaults.respell(hint, &spots), Cow::Borrowed(_)));
        let map = KeyMap::with(&[
            rebind("jump-to-source", &["x", "Right"], 1),
            rebind("back", &["Backspace"], 2),
            rebind("go-back", &["Ctrl-o"], 3),
        ])
        .expect("no clash");
        assert_eq!(
            map.respell(hint, &spots),
            "x/▸: go to the Q&A ⋅ Backspace: close"
        );
        assert_eq!(map.respell("按 q 退出", &[("q", "quit")]), "按 q 退出");
    }

    #[test]
    fn a_hint_for_two_rows_names_the_key_of_each_once_either_is_rebound() {
        let hint_of = |map: &KeyMap, action: Action| {
            map.hints(&[Pager, Global])
                .find(|(found, _)| *found == action)
                .map(|(_, hint)| hint.keys.to_string())
        };
        let defaults = KeyMap::default();
        assert_eq!(hint_of(&defaults, Action::Down).as_deref(), Some("▴▾"));
        assert_eq!(
            hint_of(&defaults, Action::NextMatch).as_deref(),
            Some("n/N")
        );
        let map = KeyMap::with(&[rebind("up", &["u"], 1), rebind("prev-match", &["p"], 2)])
            .expect("no clash");
        assert_eq!(hint_of(&map, Action::Down).as_deref(), Some("j/u"));
        assert_eq!(hint_of(&map, Action::NextMatch).as_deref(), Some("n/p"));
        assert_eq!(hint_of(&map, Action::Help).as_deref(), Some("?"));
    }
}

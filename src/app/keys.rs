//! The one key table: it maps keys to actions, and the footer hints and the help popup are
//! built from it, so the three never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::Action;
use crate::app::strings::Phrase;
use crate::data::{Lang, Script};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The short form of a binding shown in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub text: Phrase,
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
    pub hint: Option<Hint>,
}

impl Binding {
    /// The keys as the help popup lists them; a run of digits is shown as `1–9`.
    pub fn keys_label(&self) -> String {
        let digits: Vec<char> = self
            .keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) if c.is_ascii_digit() && !k.ctrl => Some(c),
                _ => None,
            })
            .collect();
        if digits.len() == self.keys.len() && digits.len() > 2 {
            return format!("{}–{}", digits[0], digits[digits.len() - 1]);
        }
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join(", ")
    }

    fn action_for(&self, key: Key) -> Action {
        match (self.action, key.code) {
            (Action::GoToTab(_), KeyCode::Char(c)) => {
                Action::GoToTab(c.to_digit(10).map_or(0, |d| d as usize).saturating_sub(1))
            }
            (action, _) => action,
        }
    }
}

const fn phrase(hans: &'static str, hant: &'static str, en: &'static str) -> Phrase {
    Phrase { hans, hant, en }
}

const fn hint(keys: &'static str, text: Phrase) -> Hint {
    Hint { keys, text }
}

use Context::{
    Cards, Dashboard, Details, FigureList, Global, Items, Pager, Popup, Prompt, TopicPicker,
};

const LISTS: &[Context] = &[Dashboard, Pager, Popup];
const ALL_CONTEXTS: [Context; 10] = [
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
            "打开所选数据的详情（概览中打开主题）",
            "開啟所選數據的詳情（概覽中開啟主題）",
            "open the selected figure (a topic on the overview)",
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
        hint: Some(hint("▴▾", phrase("移动", "移動", "move"))),
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
        hint: Some(hint("n/N", phrase("匹配", "符合", "matches"))),
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

/// The action bound to `event` in the first of the `active` contexts (innermost first) that
/// binds it, if any.
pub fn lookup(event: &KeyEvent, active: &[Context]) -> Option<Action> {
    let key = Key::from_event(event)?;
    binding_for(key, active).map(|b| b.action_for(key))
}

/// The binding a press of `key` reaches in `active` contexts (innermost first).
fn binding_for(key: Key, active: &[Context]) -> Option<&'static Binding> {
    active.iter().find_map(|context| {
        KEY_TABLE
            .iter()
            .find(|b| b.keys.contains(&key) && b.contexts.contains(context))
    })
}

/// The footer hints of the bindings active in `active` contexts, in table order, each with
/// its action. A binding whose key an inner context takes for something else (`q` closing a
/// popup rather than quitting) is not offered.
pub fn hints(active: &[Context]) -> impl Iterator<Item = (Action, Hint)> {
    KEY_TABLE.iter().filter_map(move |b| {
        let reached = b
            .keys
            .first()
            .and_then(|&key| binding_for(key, active))
            .is_some_and(|found| std::ptr::eq(found, b));
        b.hint.filter(|_| reached).map(|hint| (b.action, hint))
    })
}

/// Every binding as (keys, description), grouped by the first context each applies to.
/// The help popup shows these rows; the README lists the same keys.
pub fn help_rows(lang: Lang, script: Script) -> Vec<(String, String)> {
    help_sections()
        .flat_map(|(_, bindings)| bindings)
        .map(|b| (b.keys_label(), b.help.get(lang, script).to_string()))
        .collect()
}

/// The key table grouped by each binding's first context, sections in a fixed order.
pub fn help_sections() -> impl Iterator<Item = (Context, Vec<&'static Binding>)> {
    ALL_CONTEXTS.into_iter().map(|context| {
        let bindings = KEY_TABLE
            .iter()
            .filter(|b| b.contexts.first() == Some(&context))
            .collect();
        (context, bindings)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
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
            let rows = help_rows(lang, script);
            assert_eq!(rows.len(), KEY_TABLE.len());
            assert!(
                rows.iter()
                    .all(|(keys, text)| !keys.is_empty() && !text.is_empty())
            );
        }
        let rows = help_rows(Lang::En, Script::Hans);
        assert!(rows.contains(&("1–9".to_string(), "go to tab n".to_string())));
        assert!(rows.contains(&("q, Ctrl-c".to_string(), "quit".to_string())));
        assert!(rows.contains(&("Shift-Tab, ◂, h".to_string(), "previous tab".to_string())));
    }
}

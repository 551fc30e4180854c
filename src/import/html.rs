//! A transcript saved as an HTML page: its text, one block (paragraph, heading, list item) a
//! line, without navigation, headers, footers, scripts, styles and forms. html5ever parses the
//! page as a browser would, so broken markup and entities read as they display.

use scraper::node::Element;
use scraper::{Html, Node};

/// Elements whose text is never the transcript.
const SKIPPED: [&str; 13] = [
    "head", "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
    "button", "select", "template",
];

/// Words in a class or id that mark page furniture (`main-nav`, `share-bar`, `footer`,
/// `BreadcrumbNav`, `box_news`), wherever they stand in it.
const FURNITURE: [&str; 13] = [
    "nav",
    "menu",
    "footer",
    "share",
    "comment",
    "recommend",
    "advert",
    "daohang",
    "crumb",
    "copyright",
    "related",
    "box_news",
    "logo",
];

/// Short words that mark furniture only as a whole part of a class or id (`w1000 top`,
/// `site-header`, `route`), not inside another word (`laptop`).
const FURNITURE_PARTS: [&str; 4] = ["top", "header", "route", "topbar"];

/// Elements that start a line of their own.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "td",
    "th",
    "tr",
    "section",
    "article",
    "dd",
    "dt",
    "pre",
    "table",
    "ul",
    "ol",
    "body",
];

/// Whether `text` is an HTML page rather than plain text.
pub fn is_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && ["<p", "<div", "<body"].iter().any(|t| head.contains(t)))
}

fn is_furniture(element: &Element) -> bool {
    SKIPPED.contains(&element.name())
        || element
            .id()
            .into_iter()
            .chain(element.classes())
            .any(|name| {
                let name = name.to_ascii_lowercase();
                FURNITURE.iter().any(|word| name.contains(word))
                    || name
                        .split(['-', '_'])
                        .any(|part| FURNITURE_PARTS.contains(&part))
            })
}

/// The text of an element, its words joined.
fn text_of(element: scraper::ElementRef<'_>) -> String {
    joined(element.text().flat_map(str::split_whitespace))
}

/// The page's title: its first `<h1>`, else its `<title>` without the site's name after
/// `_`, `|`, `--` or ` - `.
fn title(html: &Html) -> Option<(String, Option<scraper::ElementRef<'_>>)> {
    let selector = |css| scraper::Selector::parse(css).expect("a valid selector");
    if let Some(heading) = html
        .select(&selector("body h1"))
        .find(|heading| !text_of(*heading).is_empty())
    {
        return Some((text_of(heading), Some(heading)));
    }
    let whole = text_of(html.select(&selector("title")).next()?);
    let title = ["_", "|", "--", " - ", "－"]
        .iter()
        .filter_map(|mark| whole.split_once(mark).map(|(first, _)| first))
        .min_by_key(|first| first.len())
        .unwrap_or(&whole)
        .trim();
    (!title.is_empty()).then(|| (title.to_owned(), None))
}

/// Words joined by a space where one of them is Latin, without one between Chinese (where
/// the page's spaces come from indentation or a non-breaking space).
fn joined<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for word in words {
        let chinese = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
        let between_chinese = chinese(out.chars().last()) && chinese(word.chars().next());
        if !out.is_empty() && !between_chinese {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The page's text, one block a line.
pub fn to_text(page: &str) -> String {
    let html = Html::parse_document(page);
    let mut lines: Vec<String> = Vec::new();
    // The title goes first, wherever the page puts it, so that no top bar takes its place.
    let (heading, heading_node) = title(&html).map_or((None, None), |(t, n)| (Some(t), n));
    let heading_id = heading_node.map(|node| node.id());
    lines.extend(heading);
    let mut line = String::new();
    let mut block = None;
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        let words = joined(line.split_whitespace());
        if !words.is_empty() {
            lines.push(words);
        }
        line.clear();
    };
    for node in html.tree.root().descendants() {
        let hidden = node.ancestors().chain(std::iter::once(node)).any(|a| {
            Some(a.id()) == heading_id || a.value().as_element().is_some_and(is_furniture)
        });
        if hidden {
            continue;
        }
        match node.value() {
            Node::Element(element) if element.name() == "br" => flush(&mut line, &mut lines),
            Node::Text(text) => {
                let owner = node
                    .ancestors()
                    .find(|a| {
                        a.value()
                            .as_element()
                            .is_some_and(|e| BLOCKS.contains(&e.name()))
                    })
                    .map(|a| a.id());
                if owner != block {
                    flush(&mut line, &mut lines);
                    block = owner;
                }
                line.push_str(text);
            }
            _ => {}
        }
    }
    flush(&mut line, &mut lines);
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_drops_furniture() {
        let page = "<!DOCTYPE html><html><head><title>站点</title><style>p{}</style></head>\
            <body><nav><a href=/>首页</a></nav><div class=\"top-menu\">菜单</div>\
            <h1>某某发布会</h1><div class=\"text\"><p>张某：大家好！<br>第二行</p>\
            <p>记者：请问&nbsp;<b>今年</b>如何？</p></div><script>var x=1;</script>\
            <footer>版权所有</footer></body></html>";
        assert!(is_html(page));
        assert_eq!(
            to_text(page),
            "某某发布会\n张某：大家好！\n第二行\n记者：请问今年如何？"
        );
    }

    #[test]
    fn the_title_is_the_first_heading_or_the_pages_title_without_the_site() {
        let page = "<html><head><title>某某发布会实录--环保频道--人民网</title></head><body>\
            <div class=\"w1000 top\"><a>人民网首页</a>|<a>手机看新闻</a>|<a>登录</a></div>\
            <div class=\"daohang\"><a>时政</a></div>\
            <div class=\"w1000 route\"><a>人民网</a>&gt;&gt;<a>环保频道</a></div>\
            <div class=\"header\"><div class=\"logo\">中国政府网</div></div>\
            <div class=\"text_title\"><h1>某某发布会实录</h1></div>\
            <div class=\"box_con\"><p>张某：大家好！</p></div>\
            <div class=\"box_news\"><h2>相关新闻</h2><ul><li>全国3000家企业参加展会</li></ul></div>\
            <div class=\"w1000 copyright\">人民网版权所有</div></body></html>";
        assert_eq!(to_text(page), "某某发布会实录\n张某：大家好！");
        let untitled = "<html><head><title>国务院新闻发布会_中国政府网</title></head>\
            <body><p>张某：大家好！</p></body></html>";
        assert_eq!(to_text(untitled), "国务院新闻发布会\n张某：大家好！");
    }

    #[test]
    fn a_class_word_inside_another_is_no_furniture() {
        let page =
            "<html><body><div class=\"laptop stopwatch\"><p>张某：大家好！</p></div></body></html>";
        assert_eq!(to_text(page), "张某：大家好！");
    }

    #[test]
    fn spaces_stay_between_latin_words_only() {
        assert_eq!(
            joined(["5G", "网络", "和", "the", "press"].into_iter()),
            "5G 网络和 the press"
        );
    }

    #[test]
    fn plain_text_is_no_page() {
        assert!(!is_html("张某：大家好！<p>"));
        assert!(is_html("  <div><p>x</p></div>"));
    }
}

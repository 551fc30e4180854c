#!/usr/bin/env python3
"""Turn a frame printed by `pressdash render --color` into an HTML page of fixed cells.

Each grapheme gets a box exactly as many cells wide as the terminal gives it, so columns line
up whatever the font's own metrics; box drawing is stretched to the full cell height so borders
join. Usage: ansi_to_html.py COLS ROWS [hans|hant] < frame.ansi > frame.html

Latin, box drawing and the ambiguous-width marks (“ ” — …) come from DejaVu Sans Mono, which
draws them one cell wide as terminals do; Chinese from Noto Sans Mono CJK in the frame's script.
"""
import html
import re
import sys
import unicodedata

CELL_W, CELL_H, FONT_PX = 10, 21, 17
BG, FG = "#1c1c22", "#d4d4d4"
# xterm's 16 colours, tuned for a dark background.
PALETTE16 = [
    "#2e3436", "#e0575b", "#7fbf5a", "#e5c07b", "#5c9ded", "#c678dd", "#4fb8c4", "#d3d7cf",
    "#6a6f73", "#ff7b7f", "#a4e07f", "#ffd787", "#82b8ff", "#e19cff", "#7fd8e0", "#ffffff",
]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def color256(n):
    if n < 16:
        return PALETTE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37 or 90 <= c <= 97:
                self.fg = PALETTE16[c - 30 if c < 90 else c - 82]
            elif 40 <= c <= 47 or 100 <= c <= 107:
                self.bg = PALETTE16[c - 40 if c < 100 else c - 92]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    value, i = color256(codes[i + 2]), i + 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    value = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    value = None
                if c == 38:
                    self.fg = value
                else:
                    self.bg = value
            i += 1

    def css(self):
        fg, bg = self.fg or FG, self.bg or BG
        if self.reverse:
            fg, bg = bg, fg
        parts = ["color:" + fg]
        if bg != BG:
            parts.append("background:" + bg)
        if self.bold:
            parts.append("font-weight:700")
        if self.dim:
            parts.append("opacity:.6")
        if self.italic:
            parts.append("font-style:italic")
        if self.underline:
            parts.append("text-decoration:underline")
        return ";".join(parts)


def cell_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def row_html(line, cols, style):
    out, used, pos = [], 0, 0
    for match in list(SGR.finditer(line)) + [None]:
        end = match.start() if match else len(line)
        for ch in line[pos:end]:
            w = cell_width(ch)
            if w == 0 and out:
                out[-1] = out[-1].replace("</span>", html.escape(ch) + "</span>")
                continue
            box = " box" if "\u2500" <= ch <= "\u259f" else ""
            out.append('<span class="c%s" style="width:%dpx;%s">%s</span>'
                       % (box, w * CELL_W, style.css(), html.escape(ch)))
            used += w
        if match:
            style.apply(match.group(1))
            pos = match.end()
    if used < cols:
        out.append('<span class="c" style="width:%dpx"></span>' % ((cols - used) * CELL_W))
    return "".join(out)


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    cjk = "Noto Sans Mono CJK SC" if sys.argv[3:] == ["hans"] else "Noto Sans Mono CJK TC"
    lines = sys.stdin.read().split("\n")[:rows]
    lines += [""] * (rows - len(lines))
    style = Style()
    body = "\n".join('<div class="r">%s</div>' % row_html(l, cols, style) for l in lines)
    print(f"""<!doctype html><meta charset="utf-8"><style>
html,body{{margin:0;background:{BG}}}
.t{{padding:12px;width:{cols * CELL_W}px;font:{FONT_PX}px/{CELL_H}px "DejaVu Sans Mono","{cjk}",monospace}}
.r{{height:{CELL_H}px;white-space:pre;display:flex}}
.c{{display:inline-block;height:{CELL_H}px;overflow:visible;text-align:left}}
.box{{transform:scaleY(1.25);transform-origin:center}}
</style><div class="t">{body}</div>""")


if __name__ == "__main__":
    main()

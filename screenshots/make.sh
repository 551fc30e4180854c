#!/usr/bin/env bash
# Regenerates screenshots/*.png and their plain-text twins from the app's own render path:
# `pressdash render --color` -> HTML of fixed cells -> headless Chromium with a CJK font.
# Not part of `cargo test`. Needs Debian's chromium and fonts-noto-cjk; installs them if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -q "Noto Sans Mono CJK" || ! fc-list | grep -q "DejaVu Sans Mono"; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk fonts-dejavu-core python3
fi

cargo build --release --locked --bin pressdash
# Where cargo put it: CARGO_TARGET_DIR moves the build out of target/.
bin="${CARGO_TARGET_DIR:-target}/release/pressdash"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name, size, extra options, keys; every shot shows the source's traditional script,
# whatever this machine's locale says
shots=(
    "overview|120x36||"
    "skills|120x36||2"
    "poverty-relief|120x36||3"
    "new-employment|120x36||4"
    "legal-aid|120x36||5"
    "drill-down|120x36||2 Enter"
    "pager-search|120x36||BackTab / 技能 Enter"
    "topic-filter|120x36||t Down Space"
    "help|120x36||?"
    "help-details|120x36||2 Enter ?"
    "english|120x36|--lang en|2"
    "pager-narrow|60x36||BackTab"
    "workforce-by-value|120x36||8 r"
    "overview-card|120x36||Up"
    "qa-items|120x36||BackTab i Down Down"
    "imported|120x36|--data $work/imported.json|2"
    "filter-elsewhere|120x36|--lang en|2 / 法律 Enter"
)

# A conference the import read alone, from a transcript as a portal shows it.
"$bin" import tests/transcripts/portal-hant.txt -o "$work/imported.json"

for shot in "${shots[@]}"; do
    IFS='|' read -r name size options keys <<<"$shot"
    cols=${size%x*}
    rows=${size#*x}
    # shellcheck disable=SC2086 # options are words
    "$bin" --script hant $options render --size "$size" --keys "$keys" >"screenshots/$name.txt"
    # shellcheck disable=SC2086
    "$bin" --script hant $options render --size "$size" --keys "$keys" --color >"$work/$name.ansi"
    python3 screenshots/ansi_to_html.py "$cols" "$rows" hant <"$work/$name.ansi" >"$work/$name.html"
    width=$((cols * 10 + 24))
    height=$((rows * 21 + 24))
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" --hide-scrollbars \
        --window-size="$width,$height" --screenshot="$PWD/screenshots/$name.png" \
        "file://$work/$name.html" 2>/dev/null
    echo "screenshots/$name.png"
done

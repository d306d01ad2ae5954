#!/usr/bin/env bash
# The demo's HTML report (demo/report_html.sql) renders: built on the demo
# city in a throwaway cluster, opened in headless Chromium, screenshotted.
# Checks the page (four sections, its charts with labelled axes, no NaN or empty
# value) and the
# screenshot (a PNG of the full size, not a blank page).  Prints TAP.
#   bash test/report_screenshot.sh        (root, Debian bookworm)
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/install-deps.sh >/dev/null || exit 1
command -v chromium >/dev/null || { apt-get install -y -qq --no-install-recommends chromium >/dev/null || exit 1; }
make -s >/dev/null && make -s install >/dev/null || exit 1
out=$(mktemp -d)
chmod a+rwx "$out"
pg_virtualenv -t bash -c '
  psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION wellbeing" >/dev/null &&
  psql -qX -v ON_ERROR_STOP=1 -f demo/city.sql >/dev/null &&
  psql -qAtX -v ON_ERROR_STOP=1 -f demo/report_html.sql > "$0/report.html"
' "$out" >/dev/null 2>&1
n=0; fail=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
[ -s "$out/report.html" ]; ok $? "the report is generated"
[ "$(grep -c '<h2>' "$out/report.html")" = 4 ]; ok $? "four sections"
[ "$(grep -o '<svg' "$out/report.html" | wc -l)" -ge 8 ]; ok $? "charts: an index chart per neighbourhood, disparities, the gap"
! grep -qiE 'NaN|null|>\s*<' <(grep -o '<td[^>]*>[^<]*</td>' "$out/report.html"); ok $? "no NaN or empty cell in the tables"
# every chart can be read: each SVG has labelled ticks (at least three, with
# numbers) on its axes, and the page uses its width (the charts of a row fill it)
/usr/bin/python3 - "$out/report.html" <<'PY'; ok $? "every chart has labelled axes (3 or more numeric ticks each)"
import re, sys
svgs = re.findall(r"<svg.*?</svg>", open(sys.argv[1]).read(), re.S)
bad = [i for i, s in enumerate(svgs)
       if len([t for t in re.findall(r'<text class="tick"[^>]*>([^<]*)</text>', s) if re.search(r"\d", t)]) < 3]
sys.exit(1 if bad or not svgs else 0)
PY
/usr/bin/python3 - "$out/report.html" <<'PY'; ok $? "the wide charts are 1000 px, the small multiples 350 px (three to a row)"
import re, sys
widths = [int(w) for w in re.findall(r'<svg width="(\d+)"', open(sys.argv[1]).read())]
sys.exit(0 if widths.count(350) >= 6 and widths.count(1000) == 2 else 1)
PY
! grep -q 'http' <(grep -v 'www.w3.org' "$out/report.html"); ok $? "self-contained: no network reference"
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1800 \
  --screenshot="$out/report.png" "file://$out/report.html" >/dev/null 2>&1
[ -s "$out/report.png" ]; ok $? "headless Chromium renders it to a screenshot"
size=$(stat -c %s "$out/report.png" 2>/dev/null || echo 0)
dims=$(/usr/bin/python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', d[16:24]))" "$out/report.png" 2>/dev/null)
[ "$dims" = "1200 1800" ]; ok $? "the screenshot is 1200 x 1800 ($dims)"
[ "$size" -gt 50000 ]; ok $? "the screenshot is not a blank page ($size bytes of PNG)"
echo "1..$n"
rm -rf "$out"
exit $fail

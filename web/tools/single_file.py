#!/usr/bin/env python3
"""Writes SITE/aio-playground.html: the page in SITE (index.html, its CSS and scripts, the wasm,
the app's JavaScript and the fonts) as one file that runs opened from disk, fetching nothing.

Usage: web/tools/single_file.py [--zopfli] SITE
Binary and large assets are gzip'd then base64'd into inert <script> elements that
web/single/bundle.js unpacks; the page's own scripts (a release's minified ones) and CSS are inlined
as they are. --zopfli (the release build's) gzips with Debian's zopfli: 5% smaller, seconds per MB
instead of a blink.
"""
import base64
import gzip
import pathlib
import re
import shutil
import subprocess
import sys

web = pathlib.Path(__file__).resolve().parent.parent
ASSETS = ['aio_playground.wasm', 'aio_playground.js', 'web/fonts/ui.ttf', 'web/fonts/code.ttf']
NOTE = ('<p id="offline-note" role="note">Opened from disk: the crawler reads the bundled sample site '
        'on a virtual network, and the page makes no network requests.</p>')


def inline_text(text, name):
    # Raw text inside <script>/<style> ends at the first closing tag: refuse rather than break.
    if re.search(r'</(script|style)|<!--', text, re.IGNORECASE):
        sys.exit(f'single_file.py: {name} contains "</script", "</style" or "<!--", which cannot be inlined')
    return text


def packed(site, name, zopfli):
    if zopfli:
        data = subprocess.run([zopfli, '-c', str(site / name)], capture_output=True, check=True).stdout
    else:
        data = gzip.compress((site / name).read_bytes(), compresslevel=9, mtime=0)
    return (f'<script type="application/gzip" data-asset="{name}">'
            f'{base64.b64encode(data).decode("ascii")}</script>\n')


def main():
    args = sys.argv[1:]
    zopfli = args and args[0] == '--zopfli'
    if zopfli:
        args = args[1:]
        zopfli = shutil.which('zopfli')
        if not zopfli:
            sys.exit('single_file.py: --zopfli: zopfli not found (apt-get install zopfli; web/tools/setup.sh dist does)')
    if len(args) != 1:
        sys.exit('usage: web/tools/single_file.py [--zopfli] SITE (the folder with index.html and aio_playground.wasm)')
    site = pathlib.Path(args[0])
    missing = [n for n in ['index.html', *ASSETS] if not (site / n).is_file()]
    if missing:
        sys.exit(f'single_file.py: {site} lacks {", ".join(missing)}: build the aio_playground target first')
    html = (site / 'index.html').read_text()

    def style(match):
        css = [(site / match.group(1)).read_text(), (web / 'single/single.css').read_text()]
        return '<style>\n' + inline_text('\n'.join(css), match.group(1)) + '</style>'

    def script(match):
        # A release's minified script names its source map, which the single file does not carry.
        text = re.sub(r'\n//# sourceMappingURL=\S+\s*$', '\n', (site / match.group(1)).read_text())
        text = inline_text(text, match.group(1))
        before = ''
        if match.group(1) == 'web/js/boot.js':   # the assets boot.js takes, ahead of it
            bundle = inline_text((web / 'single/bundle.js').read_text(), 'web/single/bundle.js')
            before = ''.join(packed(site, n, zopfli) for n in ASSETS) + f'<script>\n{bundle}</script>\n'
        return f'{before}<script>\n{text}</script>'

    def icon(match):
        svg = base64.b64encode((site / match.group(1)).read_bytes()).decode('ascii')
        return match.group(0).replace(match.group(1), f'data:image/svg+xml;base64,{svg}')

    rules = [(r'<link rel="stylesheet" href="([^"]+)">', style),
             (r'<link rel="icon" href="([^"]+)"[^>]*>', icon),
             (r'<script src="([^"]+)"></script>', script),
             (r'<body>', lambda m: f'<body>\n{NOTE}')]
    for pattern, replace in rules:
        html, count = re.subn(pattern, replace, html)
        if count == 0:
            sys.exit(f'single_file.py: index.html has nothing matching {pattern}')
    # Scripts are left out of the check: their text may build markup (the Share box's iframe).
    markup = re.sub(r'<script>.*?</script>', '', html, flags=re.S)
    left = re.search(r'\b(src|href)="(?!data:)[^"]*"', markup)
    if left:
        sys.exit(f'single_file.py: a src or href is left that would be a request: {left.group(0)}')
    (site / 'aio-playground.html').write_text(html)


main()

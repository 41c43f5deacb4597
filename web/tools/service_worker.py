#!/usr/bin/env python3
"""Writes SITE/sw.js from web/sw.js with the build written in: the files a visit needs (the page,
its scripts, styles, fonts, wasm and the crawler's sample site) and a version, a hash of their
contents, so that each deployment's worker differs and replaces the one before.

Usage: web/tools/service_worker.py SITE
"""
import hashlib
import json
import pathlib
import sys

web = pathlib.Path(__file__).resolve().parent.parent
# What a visit may download; embed.js (for the embedding page), the single file and sw.js itself are not.
PATTERNS = ['index.html', 'aio_playground.js', 'aio_playground.wasm', 'web/*.css', 'web/*.svg', 'web/js/*.js',
            'web/fonts/*.ttf', 'sample-site/**/*']
PLACEHOLDER = "const build = { version: '', files: [] };"


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: web/tools/service_worker.py SITE (the folder with index.html and aio_playground.wasm)')
    site = pathlib.Path(sys.argv[1])
    if not (site / 'index.html').is_file() or not (site / 'aio_playground.wasm').is_file():
        sys.exit(f'service_worker.py: {site} lacks index.html or aio_playground.wasm: build aio_playground first')
    files = sorted({p.relative_to(site).as_posix() for pattern in PATTERNS for p in site.glob(pattern) if p.is_file()})
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b'\0' + (site / name).read_bytes())
    source = (web / 'sw.js').read_text()
    if PLACEHOLDER not in source:
        sys.exit(f'service_worker.py: web/sw.js lacks the line {PLACEHOLDER!r} to write the build into')
    build = json.dumps({'version': digest.hexdigest()[:16], 'files': files})
    (site / 'sw.js').write_text(source.replace(PLACEHOLDER, f'const build = {build};'))


main()

#!/usr/bin/env python3
"""The crawler demo against areq.py itself: both crawl the sample site served by the project's dev
server, and the sets of (source_url, parsed_url) pairs they write must be equal. The URL list is
the demo's default list, every page of the site, and a URL on a port where nothing listens.
The crawler runs twice: over the network, and on its compiled-in copy of the site (the virtual
network, at the address aio_run gives it: VIRTUAL_BASE); both must find areq.py's pairs.

    areq_compare.py --runner build/native/playground/runner/aio_run --site web/sample-site \\
                    --server web/tools/dev_server.py
"""
import argparse
import os
import subprocess
import sys
import tempfile

VIRTUAL_BASE = "http://127.0.0.1:8000/sample-site/"   # aio_run's page address, playground/runner/main.cpp


def pairs(path):
    with open(path) as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != "source_url\tparsed_url":
        sys.exit(f"{path}: missing the source_url<TAB>parsed_url header")
    return {tuple(line.split("\t", 1)) for line in lines[1:]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--server", required=True)
    args = ap.parse_args()
    try:
        import aiofiles  # noqa: F401
        import aiohttp  # noqa: F401
    except ImportError as e:
        sys.exit(f"areq.py needs aiohttp and aiofiles ({e}): apt-get install python3-aiohttp python3-aiofiles "
                 f"(web/tools/setup.sh test does)")

    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "www")
        os.mkdir(root)
        os.symlink(os.path.abspath(args.site), os.path.join(root, "sample-site"))
        server = subprocess.Popen([sys.executable, args.server, "--dir", root, "--port", "0", "--slow", "0.3", "--quiet"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            banner = server.stdout.readline()   # "Serving http://127.0.0.1:PORT/  (Ctrl-C stops)"
            if not banner.startswith("Serving "):
                sys.exit(f"dev server did not start: {banner!r}")
            base = banner.split()[1] + "sample-site/"
            pages = []
            for folder, _, files in os.walk(args.site):
                for name in sorted(files):
                    pages.append(os.path.relpath(os.path.join(folder, name), args.site))
            urls = [base + p for p in sorted(pages)] + [base + "docs", base + "blog/", base + "teapots.html",
                                                       "http://127.0.0.1:9/refused.html"]
            urls_file = os.path.join(tmp, "urls.txt")
            with open(urls_file, "w") as f:
                f.write("\n".join(urls) + "\n")

            ref_out, our_out = os.path.join(tmp, "areq.txt"), os.path.join(tmp, "ours.txt")
            here = os.path.dirname(os.path.abspath(__file__))
            ref = subprocess.run([sys.executable, os.path.join(here, "areq.py"), urls_file, ref_out],
                                 capture_output=True, text=True, timeout=120)
            if ref.returncode != 0:
                sys.exit(f"areq.py failed:\n{ref.stderr}")
            ours = subprocess.run([args.runner, "crawler", "--urls", urls_file, "--out", our_out],
                                  capture_output=True, text=True, timeout=120)
            if ours.returncode != 0:
                sys.exit(f"aio_run crawler failed ({ours.returncode}):\n{ours.stdout}\n{ours.stderr}")
            # The same list at the virtual site's address, pages answering within 0.1 s (+ the slow one's 2 s).
            virtual_urls = os.path.join(tmp, "virtual_urls.txt")
            with open(virtual_urls, "w") as f:
                f.write("\n".join(u.replace(base, VIRTUAL_BASE) for u in urls) + "\n")
            virtual_out = os.path.join(tmp, "virtual.txt")
            virt = subprocess.run([args.runner, "crawler", "--urls", virtual_urls, "--out", virtual_out,
                                   "--latency-min", "0", "--latency-max", "0.1"],
                                  capture_output=True, text=True, timeout=120)
            if virt.returncode != 0:
                sys.exit(f"aio_run crawler on the virtual network failed ({virt.returncode}):\n{virt.stdout}\n{virt.stderr}")
        finally:
            server.terminate()
            server.wait()
        want, got = pairs(ref_out), pairs(our_out)
        # Back to the served site's address: links may leave sample-site/ ("..") but not the origin.
        origin, virtual_origin = base[:-len("sample-site/")], VIRTUAL_BASE[:-len("sample-site/")]
        got_virtual = {tuple(x.replace(virtual_origin, origin) for x in p) for p in pairs(virtual_out)}
    failed = not want
    for name, found in (("the crawler", got), ("the crawler on the virtual network", got_virtual)):
        print(f"{len(urls)} URLs; areq.py found {len(want)} (source, link) pairs, {name} {len(found)}")
        for p in sorted(want - found):
            print("missing:", *p)
        for p in sorted(found - want):
            print("extra:  ", *p)
        failed = failed or found != want
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

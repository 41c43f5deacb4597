#!/usr/bin/env python3
"""The terminal runner's crawler against a hostile server (tests/support/hostile_server.py) and
bad input files: every request ends by its timeout, headers and memory stay bounded, no CR/LF
reaches a request line, URLs are percent-encoded, short bodies fail, https works, and bad
--urls/--out stop the run before any request; the run's state and summary (--state, --summary)
are the run's own.

    runner_test.py --runner build/native/playground/runner/aio_run [unittest args, e.g. -k drip]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from hostile_server import FLOOD_BYTES, HostileServer  # noqa: E402

RUNNER = None
MAX_RSS = 512 << 20   # the runner is killed past this, so a regression fails instead of eating the machine


def run(args, timeout=20):
    """Runs aio_run with args; returns (exit code, stdout, stderr, seconds). Kills it at timeout."""
    start = time.monotonic()
    proc = subprocess.Popen([RUNNER] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="replace")
    killed = []

    def watch():   # kills on a deadline or past MAX_RSS
        while proc.poll() is None:
            rss = 0
            try:
                with open(f"/proc/{proc.pid}/status") as f:
                    rss = next((int(l.split()[1]) * 1024 for l in f if l.startswith("VmRSS:")), 0)
            except OSError:
                pass
            if rss > MAX_RSS or time.monotonic() - start > timeout:
                killed.append(f"killed: {rss} bytes resident after {time.monotonic() - start:.1f} s")
                proc.kill()
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    watcher.join()
    if killed:
        raise AssertionError(f"aio_run {' '.join(args)}: {killed[0]}\n{out[-2000:]}\n{err[-2000:]}")
    return proc.returncode, out, err, time.monotonic() - start


class Crawl(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.server = HostileServer()
        self.server.__enter__()
        self.addCleanup(self.server.__exit__)

    def crawl(self, urls, *flags, timeout=20):
        urls_file = os.path.join(self.tmp, "urls.txt")
        with open(urls_file, "wb") as f:
            f.write(b"\n".join(u.encode() for u in urls) + b"\n")
        out = os.path.join(self.tmp, "found.txt")
        rc, stdout, stderr, secs = run(["crawler", "--urls", urls_file, "--out", out, *flags], timeout=timeout)
        self.assertEqual(rc, 0, stderr)
        return stdout, secs

    def test_dripping_server_ends_by_the_timeout(self):
        url = self.server.base_url() + "/drip"
        stdout, secs = self.crawl([url], "--timeout", "1")
        self.assertIn(f"aiohttp exception for {url} [None]: timed out after 1 s", stdout)
        self.assertLess(secs, 5)

    def test_header_flood_fails_at_the_header_limit(self):
        url = self.server.base_url() + "/flood-headers"
        stdout, secs = self.crawl([url], "--timeout", "15")
        self.assertIn(f"aiohttp exception for {url} [None]: the response's headers are larger than", stdout)
        self.assertLess(secs, 5)   # at the limit, not at the timeout
        deadline = time.monotonic() + 5
        while self.server.flood_sent is None and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertLess(self.server.flood_sent or FLOOD_BYTES, FLOOD_BYTES)   # it stopped reading

    def test_short_body_is_an_error(self):
        url = self.server.base_url() + "/short"
        stdout, _ = self.crawl([url])
        self.assertIn(f"aiohttp exception for {url} [None]: the body is shorter than its Content-Length", stdout)
        self.assertNotIn("Got response", stdout)

    def test_redirect_location_with_bare_lf_or_cr_never_reaches_a_request_line(self):
        base = self.server.base_url()
        stdout, _ = self.crawl([base + "/redirect-lf", base + "/redirect-cr"])
        self.assertEqual(self.server.violations, [])
        self.assertEqual(sum(h.startswith(b"GET /landed HTTP/1.1\r\n") for h in self.server.requests), 2)
        self.assertIn(f"Got response [200] for URL: {base}/redirect-lf", stdout)
        self.assertIn(f"Got response [200] for URL: {base}/redirect-cr", stdout)

    def test_control_character_in_the_url_list_is_refused(self):
        url = self.server.base_url() + "/listed\rX-Injected: list"
        stdout, _ = self.crawl([url])
        self.assertEqual(self.server.violations, [])
        self.assertEqual(self.server.requests, [])
        self.assertIn("not a valid http(s) URL", stdout)

    def test_spaces_and_non_ascii_are_percent_encoded(self):
        stdout, _ = self.crawl([self.server.base_url() + "/a b/\u00fc.html?q=\u00fc"])
        self.assertEqual(len(self.server.requests), 1, stdout)
        target = self.server.requests[0].split(b"\r\n")[0].split(b" ")
        self.assertEqual(len(target), 3, target)   # method, target, version: no raw space
        self.assertTrue(all(0x21 <= b < 0x7f for b in target[1]), target[1])
        self.assertEqual(urllib.parse.unquote(target[1].decode()), "/a b/\u00fc.html?q=\u00fc")


class Https(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)
        self.cert, key = os.path.join(self.tmp, "cert.pem"), os.path.join(self.tmp, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key,
                        "-out", self.cert], check=True, capture_output=True)
        self.server = HostileServer(self.cert, key)
        self.server.__enter__()
        self.addCleanup(self.server.__exit__)
        self.urls = os.path.join(self.tmp, "urls.txt")
        with open(self.urls, "w") as f:
            f.write(self.server.base_url() + "/page.html\n")

    def test_https_with_a_trusted_certificate_is_crawled(self):
        out = os.path.join(self.tmp, "found.txt")
        rc, stdout, stderr, _ = run(["crawler", "--urls", self.urls, "--out", out, "--cacert", self.cert])
        self.assertEqual(rc, 0, stderr)
        page = self.server.base_url() + "/page.html"
        self.assertIn(f"Got response [200] for URL: {page}", stdout)
        with open(out) as f:
            self.assertIn(f"{page}\t{self.server.base_url()}/landed", f.read())

    def test_https_with_an_untrusted_certificate_fails(self):
        rc, stdout, stderr, _ = run(["crawler", "--urls", self.urls, "--out", os.path.join(self.tmp, "found.txt")])
        self.assertEqual(rc, 0, stderr)
        self.assertIn("certificate", stdout)
        self.assertEqual(self.server.requests, [])


class Input(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def refused(self, args, *named):
        rc, stdout, stderr, _ = run(["crawler", *args], timeout=10)
        self.assertEqual(rc, 2, stdout + stderr)
        for word in named:
            self.assertIn(word, stderr)
        self.assertEqual(stdout, "")   # nothing ran

    def test_urls_from_dev_zero_is_refused_at_the_limit(self):
        self.refused(["--urls", "/dev/zero"], "'/dev/zero'", "0..65536 bytes")

    def test_urls_from_an_endless_fifo_is_refused_at_the_limit(self):
        fifo = os.path.join(self.tmp, "urls.fifo")
        os.mkfifo(fifo)

        def feed():
            try:
                with open(fifo, "wb") as f:
                    while True:
                        f.write(b"http://127.0.0.1:9/\n" * 1000)
            except OSError:
                pass   # the runner closed it: what the test wants
        threading.Thread(target=feed, daemon=True).start()
        self.refused(["--urls", fifo], f"'{fifo}'", "0..65536 bytes")

    def test_urls_directory_is_an_error(self):
        self.refused(["--urls", self.tmp], "--urls", f"'{self.tmp}'", "directory")

    def test_unwritable_out_is_reported_before_the_crawl(self):
        with HostileServer() as server:
            urls = os.path.join(self.tmp, "urls.txt")
            with open(urls, "w") as f:
                f.write(server.base_url() + "/page.html\n")
            out = os.path.join(self.tmp, "missing", "found.txt")
            self.refused(["--urls", urls, "--out", out], "--out", f"'{out}'")
            self.assertEqual(server.requests, [])


class State(unittest.TestCase):
    """The runner reads the same state the page shows: its summary and the state as JSON."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_state_and_summary_are_the_runs_own(self):
        path = os.path.join(self.tmp, "state.json")
        rc, stdout, stderr, _ = run(["queue", "-p", "2", "-c", "3", "--seed", "7", "--clock", "virtual",
                                     "--summary", "--state", path])
        self.assertEqual(rc, 0, stderr)
        with open(path) as f:
            state = json.load(f)
        self.assertEqual(state["demo"], "queue")
        self.assertEqual(state["status"], "finished")
        self.assertEqual(state["params"]["producers"], 2)
        self.assertEqual(state["output"], stdout.splitlines())   # what was printed, line for line
        names = [t["name"] for t in state["tasks"]]
        self.assertEqual(sum(n.startswith("Task-") for n in names), 5, names)   # 2 producers, 3 consumers
        self.assertTrue(all(t["state"] in ("done", "cancelled", "failed") for t in state["tasks"]), names)
        queues = [r for r in state["resources"] if r["kind"] == "queue"]
        self.assertEqual([q["name"] for q in queues], ["q"])
        self.assertEqual(queues[0]["level"], 0)   # everything put was got
        said = [l[len("aio_run: "):] for l in stderr.splitlines() if l.startswith("aio_run: ")]
        self.assertEqual(said, state["summary"]["lines"])
        self.assertGreater(state["summary"]["elapsed"], 0)

    def test_unwritable_state_file_stops_the_run_before_it_starts(self):
        path = os.path.join(self.tmp, "missing", "state.json")
        rc, stdout, stderr, _ = run(["count", "--clock", "virtual", "--state", path])
        self.assertEqual(rc, 2)
        self.assertIn(f"'{path}'", stderr)
        self.assertEqual(stdout, "")


def main():
    global RUNNER
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", required=True)
    args, rest = ap.parse_known_args()
    RUNNER = os.path.abspath(args.runner)
    unittest.main(argv=[sys.argv[0]] + rest)


if __name__ == "__main__":
    main()

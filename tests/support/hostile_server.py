"""A misbehaving HTTP server on loopback for the terminal runner's network tests. It answers by
path, byte for byte, and records every request head it receives, with any line that holds a bare
CR or LF (a request-line injection) in `violations`.

    /drip           a 200 whose body arrives one byte every 0.1 s, forever
    /flood-headers  a status line, then header lines with no blank line, up to FLOOD_BYTES
    /short          a 200 whose body is shorter than its Content-Length, then the connection closes
    /redirect-lf    a 302 whose Location holds a bare LF and a header after it
    /redirect-cr    a 302 whose Location holds a bare CR and a header after it
    /redirect-loop  a 302 to itself
    anything else   a 200 page with one link, to /landed

With a certificate and key it speaks TLS instead. Run as a program, it serves on a free port,
prints "Serving http://127.0.0.1:PORT/" and stops when its standard input closes.

    hostile_server.py [--cert CERT --key KEY]
"""
import argparse
import socketserver
import ssl
import sys
import threading
import time

FLOOD_BYTES = 16 << 20
PAGE = b'<html><body><a href="/landed">landed</a></body></html>'


def _answer(head, body=b""):
    return head.replace(b"\n", b"\r\n") + b"\r\n" + body


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        server = self.server
        sock = self.request
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                return
            head += chunk
        head = head.split(b"\r\n\r\n", 1)[0]
        lines = head.split(b"\r\n")
        with server.lock:
            server.requests.append(head)
            server.violations += [line for line in lines if b"\r" in line or b"\n" in line or
                                  line.lower().startswith(b"x-injected")]
        target = lines[0].split(b" ")[1] if lines[0].count(b" ") >= 2 else b""
        path = target.split(b"?")[0]
        try:
            self.route(sock, path)
        except OSError:
            pass   # the client went away: what some tests want

    def route(self, sock, path):
        server = self.server
        if path == b"/drip":
            sock.sendall(_answer(b"HTTP/1.1 200 OK\nContent-Type: text/html\n"))
            while not server.stopping.is_set():
                sock.sendall(b"x")
                time.sleep(0.1)
        elif path == b"/flood-headers":
            line = b"X-Flood: " + b"a" * 100 + b"\r\n"
            sock.sendall(b"HTTP/1.1 200 OK\r\n")
            sent = 0
            try:
                while sent < FLOOD_BYTES:
                    sock.sendall(line * 100)
                    sent += len(line) * 100
            finally:
                with server.lock:
                    server.flood_sent = sent
            server.stopping.wait()   # holds the connection open, as a stuck server would
        elif path == b"/short":
            sock.sendall(_answer(b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 1000\n", PAGE))
        elif path == b"/redirect-lf":
            sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /landed\nX-Injected: lf\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        elif path == b"/redirect-loop":
            sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /redirect-loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        elif path == b"/redirect-cr":
            sock.sendall(b"HTTP/1.1 302 Found\r\nLocation: /landed\rX-Injected: cr\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        else:
            sock.sendall(_answer(b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: %d\nConnection: close\n"
                                 % len(PAGE), PAGE))


class HostileServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, cert=None, key=None):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.requests = []      # each request's head, as received
        self.violations = []    # head lines holding a bare CR or LF, or an injected header
        self.flood_sent = None  # bytes of /flood-headers sent before the client stopped reading
        self.stopping = threading.Event()
        self.tls = None
        if cert:
            self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.tls.load_cert_chain(cert, key)

    def get_request(self):
        sock, addr = super().get_request()
        if self.tls:
            sock.settimeout(5)
            try:
                sock = self.tls.wrap_socket(sock, server_side=True)
            except (ssl.SSLError, OSError):
                sock.close()   # a client that refused our certificate
                raise
            sock.settimeout(None)
        return sock, addr

    def base_url(self):
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.shutdown()
        self.server_close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cert", help="PEM certificate: serve https")
    ap.add_argument("--key", help="PEM private key of --cert")
    args = ap.parse_args()
    with HostileServer(args.cert, args.key) as server:
        print(f"Serving {server.base_url()}/", flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()

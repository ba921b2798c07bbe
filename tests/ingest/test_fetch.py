"""Feeds and pages at http(s) URLs, served by a local server; failures come fast."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.ingest import ReadOptions, read_sources

from .helpers import FIXTURES, assert_one_line_coded, split

RSS = (FIXTURES / "sinai-and-iraq.rss.xml").read_bytes()
PAGE = (FIXTURES / "mosul-victory.html").read_bytes()
ROUTES = {
    "/feed.xml": (200, "application/rss+xml; charset=utf-8", RSS),
    "/feed-as-text": (200, "text/plain", RSS),
    "/article": (200, "text/html; charset=utf-8", PAGE),
    "/big": (200, "application/rss+xml", RSS + b"<!--" + b"x" * 300_000 + b"-->"),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/feed.xml")
            self.end_headers()
            return
        status, content_type, body = ROUTES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self.path != "/big":  # /big says nothing of its size: the cap must count bytes
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_feed_url_gives_its_items_like_the_file(server):
    documents, failures = split(read_sources([f"{server}/feed.xml"]))
    assert [d.title[:20] for d in documents] == ["مقتل أكثر من ثلاثمئة", "العبادي يعلن انتهاء "]
    assert documents[0].source == "نشرة الشرق الأوسط الإخبارية" and documents[0].url == "https://example.net/ar/2017/11/24/rawda"
    assert_one_line_coded(failures[0], "M307", f"{server}/feed.xml", "item 3")


def test_content_is_sniffed_when_the_type_says_little_and_redirects_are_followed(server):
    assert len(split(read_sources([f"{server}/feed-as-text"]))[0]) == 2
    assert len(split(read_sources([f"{server}/redirect"]))[0]) == 2


def test_a_page_url_gives_its_article(server):
    (document,) = read_sources([f"{server}/article"])
    assert document.title == "العبادي يعلن من الموصل النصر على «داعش»"
    assert document.url == "https://alrafidain.example/news/2017/07/10/mosul-victory"
    assert "الأكثر قراءة" not in document.text


def test_http_errors_size_cap_and_foreign_content_are_coded(server):
    (missing,) = read_sources([f"{server}/nothing-here"])
    assert_one_line_coded(missing, "M308", "HTTP 404")
    (big,) = read_sources([f"{server}/big"], options=ReadOptions(max_bytes=100_000))
    assert_one_line_coded(big, "M309", "100000 bytes", "--max-bytes")
    (image,) = read_sources([f"{server}/image"])
    assert_one_line_coded(image, "M310", "image/png")


def test_an_unreachable_address_fails_at_once_and_the_rest_goes_on(server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    started = time.monotonic()
    items = list(read_sources([f"http://127.0.0.1:{closed_port}/feed", f"{server}/feed.xml"], options=ReadOptions(timeout=1)))
    assert time.monotonic() - started < 5
    assert_one_line_coded(items[0], "M308", f"http://127.0.0.1:{closed_port}/feed", "--timeout")
    assert len(split(items)[0]) == 2


def test_a_server_that_never_answers_times_out():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # connections are queued, never answered
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/feed"
        started = time.monotonic()
        (failure,) = read_sources([url], options=ReadOptions(timeout=0.3))
        assert time.monotonic() - started < 3
    assert_one_line_coded(failure, "M308", "no answer within 0.3 s")

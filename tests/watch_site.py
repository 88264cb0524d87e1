"""A news site on loopback for the watcher's tests: feeds, sitemaps, robots.txt and Arabic article pages
written for these tests, served by a real HTTP server (http.server in a thread) with the faults a
crawler meets: slow and failing responses, 429 with Retry-After, redirects and a redirect loop,
malformed XML, a page over the size limit, a page not in Arabic, the same page in two feeds, a page
edited between two rounds, and a robots.txt that disallows a path. Every request is logged."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

# Short Arabic news items of our own: (headline, dateline, body). Each reports an act a coder codes.
STORIES = [
    ("أردوغان يزور طهران الأسبوع المقبل",
     "أنقرة 3 مارس 2024",
     "أعلنت الرئاسة التركية اليوم الأحد أن الرئيس رجب طيب أردوغان سيزور طهران يوم الأربعاء المقبل "
     "لإجراء محادثات مع الرئيس الإيراني إبراهيم رئيسي حول التجارة والأمن في المنطقة."),
    ("السعودية تدين الهجوم على ناقلة نفط",
     "الرياض 4 مارس 2024",
     "دانت وزارة الخارجية السعودية بشدة الهجوم الذي شنه الحوثيون على ناقلة نفط في البحر الأحمر، "
     "ودعت المجتمع الدولي إلى التحرك لحماية الملاحة."),
    ("مصر وقطر توقعان اتفاقية للتعاون في الطاقة",
     "القاهرة 5 مارس 2024",
     "وقعت مصر وقطر اليوم الثلاثاء اتفاقية للتعاون في مجال الطاقة خلال زيارة وزير الخارجية القطري "
     "إلى القاهرة، حيث التقى نظيره المصري سامح شكري."),
    ("الأردن يستدعي السفير الإسرائيلي",
     "عمان 6 مارس 2024",
     "استدعت وزارة الخارجية الأردنية اليوم الأربعاء السفير الإسرائيلي في عمان للاحتجاج على "
     "الاعتداءات على المسجد الأقصى."),
    ("الجيش التركي يقصف مواقع لحزب العمال الكردستاني",
     "أنقرة 7 مارس 2024",
     "قصفت طائرات الجيش التركي اليوم الخميس مواقع لحزب العمال الكردستاني في شمال العراق، وفق بيان "
     "لوزارة الدفاع التركية."),
    ("الإمارات ترسل مساعدات إلى السودان",
     "أبوظبي 8 مارس 2024",
     "أرسلت دولة الإمارات اليوم الجمعة طائرة محملة بالمساعدات الإنسانية إلى السودان لدعم المتضررين "
     "من الحرب."),
]

EDITED_BODY = (
    "أعلنت الرئاسة التركية اليوم الأحد أن الرئيس رجب طيب أردوغان سيزور طهران يوم الخميس المقبل "
    "لإجراء محادثات مع الرئيس الإيراني إبراهيم رئيسي، بعد تأجيل الموعد الذي أعلن سابقا."
)

ENGLISH_PAGE = (
    "<html><head><title>Markets close higher</title></head><body><article><h1>Markets close higher</h1>"
    "<p>Stocks closed higher on Monday as investors weighed the latest figures from the central bank "
    "and the outlook for interest rates in the coming months.</p></article></body></html>"
)


def story_page(headline: str, dateline: str, body: str, published: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{headline} | موقع الاختبار</title>"
        f"<meta property='article:published_time' content='{published}T09:00:00+03:00'>"
        "</head><body><header><nav><a href='/'>الرئيسية</a> <a href='/politics'>سياسة</a></nav></header>"
        f"<main><article><h1>{headline}</h1><p>{dateline} - {body}</p>{extra}</article></main>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def many_stories(count: int) -> list[tuple[str, str, str, str]]:
    """`count` distinct stories (slug, headline, body, published) for longer rounds: the six above on
    other days, each day's copy naming its own day in the text."""
    out = []
    for n in range(count):
        headline, _, body = STORIES[n % len(STORIES)]
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        published = f"2024-{month:02d}-{day:02d}"
        out.append((f"story-{n:03d}", f"{headline} ({n})", f"{body} وهذا الخبر رقم {n} من سلسلة الاختبار.", published))
    return out


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering


Route = Callable[["Request"], Response]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


class Site:
    """Routes by path; a route is a Response or a function of the request (for faults with state)."""

    def __init__(self) -> None:
        self.routes: dict[str, Response | Route] = {}
        self.log: list[Request] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with site.lock:
                    site.log.append(request)
                    route = site.routes.get(self.path)
                response = route(request) if callable(route) else route
                if response is None:
                    response = Response(404, b"not found")
                if response.delay:
                    time.sleep(response.delay)
                try:
                    self.send_response(response.status)
                    for name, value in response.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(response.body)))
                    self.end_headers()
                    self.wfile.write(response.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def requests_to(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- content helpers -------------------------------------------------------------------------

    def page(self, path: str, html: str, *, etag: str | None = None) -> None:
        headers = {"Content-Type": "text/html; charset=utf-8"}
        if etag:
            headers["ETag"] = etag
        self.routes[path] = _validated(Response(200, html.encode("utf-8"), headers))

    def feed(self, path: str, items: list[tuple[str, str, str]], *, etag: str = '"feed-1"') -> None:
        """An RSS 2.0 feed of (title, link, pubDate ISO day) with an ETag, answering 304 to it."""
        entries = "".join(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<pubDate>{format_datetime(datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC))}</pubDate></item>"
            for title, link, day in items
        )
        body = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>اختبار</title>"
                f"<link>{self.url('/')}</link>{entries}</channel></rss>").encode()
        self.routes[path] = _validated(Response(200, body, {"Content-Type": "application/rss+xml", "ETag": etag}))

    def sitemap(self, path: str, items: list[tuple[str, str]]) -> None:
        """A Google News sitemap of (loc, publication date)."""
        urls = "".join(
            f"<url><loc>{escape(loc)}</loc><news:news><news:publication_date>{day}</news:publication_date>"
            f"<news:title>خبر</news:title></news:news></url>"
            for loc, day in items
        )
        body = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
                f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>").encode()
        self.routes[path] = Response(200, body, {"Content-Type": "application/xml"})


def _validated(response: Response) -> Route:
    """Answer 304 to a request that sends the response's own ETag back."""

    def route(request: Request) -> Response:
        etag = response.headers.get("ETag")
        if etag and request.headers.get("if-none-match") == etag:
            return Response(304, b"", {"ETag": etag})
        return response

    return route


def fail_first(times: int, status: int, then: Response, headers: dict[str, str] | None = None) -> Route:
    """A route that answers `status` to its first `times` requests, then `then`."""
    count = {"n": 0}
    lock = threading.Lock()

    def route(request: Request) -> Response:
        with lock:
            count["n"] += 1
            n = count["n"]
        if n <= times:
            return Response(status, b"busy", headers or {})
        return then

    return route

"""Main text and publication date from article pages: Hadath's reader and cleaner against trafilatura
(text) and htmldate (date), the extractors the field keeps (issue 15).

No saved Arabic news pages with a known body are at hand (../shared keeps article texts, not their
HTML), so the pages are built: each real article of ../shared/data/news_dev and news_dev2 (74 texts:
headline, dateline, body, with their publication date) is laid out in three page shapes common on Arabic
news sites, with the furniture those carry (menus, breadcrumbs, share lines, "اقرأ أيضا" lists inside
the body, "الأكثر قراءة" sidebars, tags, comments, footers):

  blog    WordPress-like: <article>, the date in <time datetime> and article:published_time;
  portal  no <article>: nested <div>s, the date only in JSON-LD, related headlines beside the body;
  plain   the date only as visible Arabic text under the headline ("نشر في 16 أبريل 2023"), <section>s.

Scores: the extracted text against the article's own text as bags of words (precision, recall, F1,
micro over all pages), and the publication date exactly right. Run:

    PYTHONPATH=src python benchmarks/page_text.py [--shared ../shared]

trafilatura and htmldate are measured if installed (`pip install trafilatura htmldate`); they are not
dependencies of Hadath (see README: trafilatura's courlan needs tld, which is MPL/GPL/LGPL).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MENU = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "تكنولوجيا", "فيديو", "اتصل بنا"]
SIDEBAR_TITLE = "الأكثر قراءة"
SHARE = "شارك على فيسبوك | تويتر | واتساب | نسخ الرابط"
FOOTER = "جميع الحقوق محفوظة © 2024 | سياسة الخصوصية | من نحن | أعلن معنا"
WORD = re.compile(r"[\w\u0600-\u06FF]+")


def articles(shared: Path) -> list[dict]:
    out = []
    for name in ("news_dev", "news_dev2"):
        for line in (shared / "data" / name / "input.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("published"):
                    out.append(record)
    return out


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _other_titles(pool: list[dict], rng: random.Random, n: int) -> list[str]:
    titles = [a.get("title") or _paragraphs(a["text"])[0][:80] for a in rng.sample(pool, n)]
    return [t for t in titles if t]


def page_blog(a: dict, pool: list[dict], rng: random.Random) -> str:
    paras = _paragraphs(a["text"])
    title = a.get("title") or paras[0][:80]
    related = "".join(f"<li><a href='/n/{i}'>{escape(t)}</a></li>" for i, t in enumerate(_other_titles(pool, rng, 3)))
    body = [f"<p>{escape(p)}</p>" for p in paras]
    body.insert(min(2, len(body)), f"<div class='related'><strong>اقرأ أيضا</strong><ul>{related}</ul></div>")
    side = "".join(f"<li><a href='/m/{i}'>{escape(t)}</a></li>" for i, t in enumerate(_other_titles(pool, rng, 5)))
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{escape(title)} - موقع الأخبار</title>"
        f"<meta property='article:published_time' content='{a['published']}T10:15:00+03:00'></head><body>"
        f"<header><div class='logo'>موقع الأخبار</div><nav><ul>{''.join(f'<li>{m}</li>' for m in MENU)}</ul></nav></header>"
        f"<div class='breadcrumb'>الرئيسية » أخبار » سياسة</div>"
        f"<article><h1>{escape(title)}</h1><time datetime='{a['published']}T10:15:00+03:00'>{a['published']}</time>"
        f"<div class='share'>{SHARE}</div><div class='entry-content'>{''.join(body)}</div>"
        f"<div class='tags'>وسوم: سياسة، دبلوماسية، الشرق الأوسط</div></article>"
        f"<aside><h3>{SIDEBAR_TITLE}</h3><ol>{side}</ol></aside>"
        f"<section class='comments'><h3>التعليقات</h3><p>أضف تعليقك</p><form><textarea></textarea></form></section>"
        f"<footer>{FOOTER}</footer></body></html>"
    )


def page_portal(a: dict, pool: list[dict], rng: random.Random) -> str:
    paras = _paragraphs(a["text"])
    title = a.get("title") or paras[0][:80]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{a['published']}T08:00:00Z"}, ensure_ascii=False)
    related = "".join(
        f"<div class='card'><a href='/x/{i}'>{escape(t)}</a><span>منذ ساعتين</span></div>"
        for i, t in enumerate(_other_titles(pool, rng, 6))
    )
    body = "".join(f"<div class='p'>{escape(p)}</div>" for p in paras)
    return (
        f"<html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<script type='application/ld+json'>{ld}</script></head><body>"
        f"<div id='top'><div class='menu'>{' | '.join(MENU)}</div><div class='ad'>إعلان</div></div>"
        f"<div id='wrap'><div id='content'><div class='head'><h1>{escape(title)}</h1></div>"
        f"<div class='text'>{body}</div><div class='share'>{SHARE}</div></div>"
        f"<div id='more'><h2>أخبار ذات صلة</h2>{related}</div></div>"
        f"<div class='newsletter'>اشترك في النشرة البريدية ليصلك كل جديد</div>"
        f"<div id='foot'>{FOOTER}</div></body></html>"
    )


def page_plain(a: dict, pool: list[dict], rng: random.Random) -> str:
    paras = _paragraphs(a["text"])
    title = a.get("title") or paras[0][:80]
    day = date.fromisoformat(a["published"])
    shown = f"نشر في {day.day} {MONTHS[day.month - 1]} {day.year} - 10:30 ص"
    more = "".join(f"<p><a href='/y/{i}'>{escape(t)}</a></p>" for i, t in enumerate(_other_titles(pool, rng, 4)))
    return (
        f"<html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
        f"<div class='nav'>{' '.join(MENU)}</div><section class='story'><h2>{escape(title)}</h2>"
        f"<div class='meta'>{shown} | كتب: محرر الشؤون السياسية</div>"
        f"{''.join(f'<p>{escape(p)}</p>' for p in paras)}</section>"
        f"<section class='more'><h3>مواضيع قد تهمك</h3>{more}</section>"
        f"<div class='foot'>{FOOTER}</div></body></html>"
    )


SHAPES: dict[str, Callable[[dict, list[dict], random.Random], str]] = {
    "blog": page_blog, "portal": page_portal, "plain": page_plain,
}


def hadath_extract(html: str) -> tuple[str, date | None]:
    """Hadath's reader (hadath.read) and cleaner (hadath.clean), as `hadath ingest` and the watcher run them."""
    from hadath.clean import clean
    from hadath.read import article_from_html

    article = article_from_html(html, "page.html")
    if article.error:
        return "", None
    return clean(article).text, article.published


def trafilatura_extract(html: str) -> tuple[str, date | None]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    return text, htmldate_date(html)


def htmldate_date(html: str) -> date | None:
    from htmldate import find_date

    found = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None


def _words(text: str) -> Counter:
    return Counter(WORD.findall(text))


def score(shared: Path, systems: tuple[str, ...] = ("hadath", "trafilatura+htmldate", "hadath text + htmldate date")) -> dict:
    """Scores per extractor and page shape; extractors that are not installed are left out."""
    pool = articles(shared)
    rng = random.Random(15)
    known: dict[str, Callable[[str], tuple[str, date | None]]] = {"hadath": hadath_extract}
    try:
        import htmldate  # noqa: F401
        import trafilatura  # noqa: F401

        known["trafilatura+htmldate"] = trafilatura_extract
        known["hadath text + htmldate date"] = lambda html: (hadath_extract(html)[0], htmldate_date(html))
    except ImportError:
        print("trafilatura/htmldate not installed: Hadath alone is measured")
    chosen = {name: known[name] for name in systems if name in known}
    results: dict = {}
    pages = [(shape, a, make(a, pool, rng)) for a in pool for shape, make in SHAPES.items()]
    for name, run in chosen.items():
        per_shape: dict[str, dict[str, float]] = {}
        started = time.process_time()
        for shape, a, html in pages:
            text, published = run(html)
            gold, got = _words(a["text"]), _words(text)
            s = per_shape.setdefault(shape, {"tp": 0, "got": 0, "gold": 0, "dates": 0, "pages": 0})
            s["tp"] += sum((gold & got).values())
            s["got"] += sum(got.values())
            s["gold"] += sum(gold.values())
            s["dates"] += published is not None and published.isoformat() == a["published"]
            s["pages"] += 1
        seconds = time.process_time() - started
        total = {k: sum(s[k] for s in per_shape.values()) for k in ("tp", "got", "gold", "dates", "pages")}
        results[name] = {shape: _summary(s) for shape, s in {**per_shape, "all": total}.items()}
        results[name]["all"]["ms_per_page"] = round(1000 * seconds / len(pages), 1)
    return results


def _summary(s: dict) -> dict:
    p = s["tp"] / s["got"] if s["got"] else 0.0
    r = s["tp"] / s["gold"] if s["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "date_accuracy": round(s["dates"] / s["pages"], 3), "pages": s["pages"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = score(Path(args.shared))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    print("| extractor | page shape | text P | text R | text F1 | date right | ms/page |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, shapes in results.items():
        for shape, s in shapes.items():
            ms = s.get("ms_per_page", "")
            print(f"| {name} | {shape} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                  f"{s['date_accuracy']:.3f} | {ms} |")


if __name__ == "__main__":
    main()

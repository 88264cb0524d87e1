"""Hand-made extracted articles for the store tests: real Arabic sentences with the events, parties,
dates and statuses a careful coder gives them, written as `hadath extract` output (JSON Lines)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hadath.model import Article, Event, Location, Participant, Sentence, Trigger

# code -> (quad_class, goldstein, plover), from spec/cameo.tsv
CODES = {
    "040": (1, 1.0, "CONSULT"),
    "042": (1, 1.9, "CONSULT"),
    "057": (1, 8.0, "AGREE"),
    "141": (3, -6.5, "PROTEST"),
    "195": (4, -10.0, "ASSAULT"),
}
PARTIES = {
    "IRN": Participant("الرئيس الإيراني", "IRNGOV", "IRN", "Iran"),
    "TUR": Participant("تركيا", "TUR", "TUR", "Turkey"),
    "TURMIL": Participant("المقاتلات التركية", "TURMIL", "TUR", "Turkey"),
    "PKK": Participant("حزب العمال الكردستاني", "PKK", "PKK", "Kurdistan Workers' Party"),
    "IRNCVL": Participant("المتظاهرون", "IRNCVL", "IRN", "Iran"),
}


def make_article(
    sentences: list[str],
    *,
    published: str,
    url: str | None,
    events: list[dict],
    title: str | None = None,
    source: str | None = None,
) -> Article:
    text = " ".join(sentences)
    article = Article(
        text=text,
        source=source or url or "",
        url=url,
        title=title,
        published=date.fromisoformat(published),
        published_from="metadata",
    )
    start = 0
    for s in sentences:
        article.sentences.append(Sentence(start, start + len(s)))
        start += len(s) + 1
    for spec in events:
        sentence = article.sentences[spec["sentence"]]
        at = text.index(spec["trigger"], sentence.start)
        quad, goldstein, plover = CODES[spec["cameo"]]
        source_party = PARTIES.get(spec.get("source"))
        target_party = PARTIES.get(spec.get("target"))
        article.events.append(
            Event(
                sentence=spec["sentence"],
                trigger=Trigger(spec["trigger"], at, at + len(spec["trigger"])),
                source=source_party,
                target=target_party,
                cameo=spec["cameo"],
                root=spec["cameo"][:2],
                quad_class=quad,
                goldstein=goldstein,
                plover=plover,
                status=spec.get("status", "occurred"),
                date=spec.get("date"),
                date_precision=spec.get("precision", "day" if spec.get("date") else "unknown"),
                location=Location(spec["place"], spec.get("place_key"), spec.get("place_name"), 39.93, 32.86)
                if spec.get("place")
                else None,
                confidence=spec.get("confidence", 0.8),
            )
        )
    return article


VISIT_PLANNED = make_article(
    [
        "أعلنت الرئاسة التركية أن الرئيس الإيراني إبراهيم رئيسي سيزور أنقرة يوم الأربعاء المقبل.",
        "وسيعقد الرئيسان محادثات حول الأمن الإقليمي والتجارة بين البلدين.",
    ],
    published="2024-01-21",
    url="https://www.aa.com.tr/ar/turkey/1",
    title="رئيسي يزور تركيا الأربعاء",
    events=[
        {"sentence": 0, "trigger": "سيزور", "source": "IRN", "target": "TUR", "cameo": "042", "status": "planned",
         "date": "2024-01-24", "place": "أنقرة", "place_key": "TUR", "place_name": "Ankara"},
        {"sentence": 1, "trigger": "محادثات", "source": "IRN", "target": "TUR", "cameo": "040", "status": "planned",
         "date": "2024-01-24"},
    ],
)
VISIT_ARRIVED = make_article(
    [
        "وصل الرئيس الإيراني إبراهيم رئيسي اليوم الأربعاء إلى العاصمة التركية أنقرة في زيارة رسمية.",
        "واستقبله الرئيس التركي رجب طيب أردوغان في المجمع الرئاسي.",
    ],
    published="2024-01-24",
    url="https://www.irna.ir/news/2",
    events=[
        {"sentence": 0, "trigger": "زيارة", "source": "IRN", "target": "TUR", "cameo": "042", "date": "2024-01-24"},
    ],
)
VISIT_REPORTED = make_article(
    [
        "التقى الرئيس التركي رجب طيب أردوغان في أنقرة نظيره الإيراني إبراهيم رئيسي الذي يزور تركيا منذ الأربعاء.",
        "ووقع البلدان عشر اتفاقيات للتعاون في مجالات الطاقة والتجارة والنقل.",
    ],
    published="2024-01-25",
    url="https://www.alarabiya.net/arab-and-world/3",
    events=[
        {"sentence": 0, "trigger": "يزور", "source": "IRN", "target": "TUR", "cameo": "042", "date": "2024-01-24"},
        {"sentence": 0, "trigger": "التقى", "source": "TUR", "target": "IRN", "cameo": "040", "date": "2024-01-24"},
        {"sentence": 1, "trigger": "ووقع", "source": "TUR", "target": "IRN", "cameo": "057", "date": "2024-01-24"},
    ],
)
STRIKE_QANDIL = make_article(
    [
        "قصفت المقاتلات التركية اليوم الأربعاء مواقع لحزب العمال الكردستاني في منطقة قنديل شمالي العراق.",
        "وقالت وزارة الدفاع التركية إن الغارات دمرت عشرين هدفا.",
    ],
    published="2024-01-24",
    url="https://aawsat.com/4",
    events=[
        {"sentence": 0, "trigger": "قصفت", "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2024-01-24"},
    ],
)
WIRE = [
    "أعلنت وزارة الدفاع التركية أن طائراتها نفذت أمس غارات جوية على مواقع تابعة لحزب العمال الكردستاني في منطقة متينا شمالي العراق.",
    "وأضافت الوزارة في بيان أن الغارات أسفرت عن تدمير مخابئ وملاجئ ومستودعات ذخيرة يستخدمها المسلحون.",
    "وأكدت أن العمليات ستستمر حتى القضاء على آخر إرهابي في المنطقة.",
]
WIRE_FIRST = make_article(
    WIRE,
    published="2024-03-10",
    url="https://www.trt.net.tr/arabic/5",
    events=[{"sentence": 0, "trigger": "غارات", "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2024-03-09"}],
)
WIRE_COPY = make_article(
    ["أنقرة (الأناضول) -", *WIRE, "تابعونا على وسائل التواصل."],
    published="2024-03-11",
    url="https://www.aljazeera.net/news/6",
    events=[{"sentence": 1, "trigger": "غارات", "source": "TURMIL", "target": "PKK", "cameo": "195", "date": "2024-03-10"}],
)
VISIT_ARRIVED_ELSEWHERE = make_article(
    [
        "وصل الرئيس الإيراني إبراهيم رئيسي اليوم الأربعاء إلى العاصمة التركية أنقرة في زيارة رسمية.",
        "واستقبله الرئيس التركي رجب طيب أردوغان في المجمع الرئاسي.",
    ],
    published="2024-01-24",
    url="https://kayhan.ir/ar/news/7",
    events=[
        {"sentence": 0, "trigger": "زيارة", "source": "IRN", "target": "TUR", "cameo": "042", "date": "2024-01-24"},
    ],
)
MINISTER_VISIT = make_article(
    ["زار وزير الخارجية الإيراني حسين أمير عبد اللهيان أنقرة في الخامس من فبراير وبحث مع نظيره التركي الأوضاع في غزة."],
    published="2024-02-06",
    url="https://www.irna.ir/news/8",
    events=[{"sentence": 0, "trigger": "زار", "source": "IRN", "target": "TUR", "cameo": "042", "date": "2024-02-05"}],
)
PROTEST = make_article(
    ["تظاهر مئات الإيرانيين أمام السفارة التركية في طهران احتجاجا على الغارات التركية في العراق."],
    published="2024-03-12",
    url="https://www.isna.ir/news/9",
    events=[{"sentence": 0, "trigger": "تظاهر", "source": "IRNCVL", "target": "TUR", "cameo": "141", "date": "2024-03-12"}],
)

CORPUS = [
    VISIT_PLANNED,
    VISIT_ARRIVED,
    VISIT_REPORTED,
    STRIKE_QANDIL,
    WIRE_FIRST,
    WIRE_COPY,
    VISIT_ARRIVED_ELSEWHERE,
    MINISTER_VISIT,
    PROTEST,
]


def write_jsonl(path: Path, articles: list[Article]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    return path

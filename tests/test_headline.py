"""A title from the first line where a page has none (hadath.text.headline)."""

import pytest

from hadath.text.headline import fallback_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("أعلنت جماعة الحوثي أنها استهدفت سفينة تجارية.\nوقال المتحدث إن …", "أعلنت جماعة الحوثي أنها استهدفت سفينة تجارية."),
        ("\n\n  إيران تستهدف سفينة  \nنص", "إيران تستهدف سفينة"),  # blank lines and spaces around
        ("الغربية – خاص – خالد الجنابي – 28 / يناير / 2026\nحذر الرئيس الأميركي العراق.", "حذر الرئيس الأميركي العراق."),
        ("الخرطوم 7 أغسطس 2022–\nاحتجاجات متفرقة في الخرطوم.", "احتجاجات متفرقة في الخرطوم."),
        ("قمة 2024", "قمة 2024"),  # only a line with a number: still the title
        ("", None),
        (None, None),
    ],
)
def test_fallback_title(text, title):
    assert fallback_title(text) == title


def test_a_long_first_line_is_cut_at_a_word_with_an_ellipsis():
    line = ("استبعد محللون غربيون اندلاع حرب تقليدية بين الولايات المتحدة وإيران على خلفية التصعيد الأخير "
            "الذي نجم عن إسقاط طهران طائرة أميركية مسيرة")
    title = fallback_title(line)
    assert len(title) <= 90 and title.endswith("…")
    assert line.startswith(title[:-1])
    assert line[len(title) - 1] == " "  # cut between words, not inside one

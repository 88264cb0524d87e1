"""Relations briefs (الحدث / الرأي / الخلاصة) generated from the event store; templates are data."""

from hadath.brief.generate import Brief, build_brief
from hadath.brief.render import to_html, to_markdown

__all__ = ["Brief", "build_brief", "to_html", "to_markdown"]

"""What stands between untrusted text (articles, model output) and the person reading it:
one link policy for every output (`links`), no control characters in displayed text
(`controls`), and an `Answer` made safe to show (`answers`)."""

from copilot.safety.controls import one_line, strip_controls
from copilot.safety.links import IMAGE_REMOVED, LINK_REMOVED, LinkPolicy, is_web_url

__all__ = [
    "IMAGE_REMOVED",
    "LINK_REMOVED",
    "LinkPolicy",
    "is_web_url",
    "one_line",
    "strip_controls",
]

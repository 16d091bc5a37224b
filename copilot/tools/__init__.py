"""Tools the model can call. Each is a typed function whose docstring is what the model reads.

Importing this package registers every tool in `copilot.tools.registry.TOOLS`.
"""

from copilot.tools import drivers as _drivers  # noqa: F401  (registers news_drivers)
from copilot.tools import market as _market  # noqa: F401  (registers the market tools)
from copilot.tools import measure_tool as _measure  # noqa: F401  (registers measure)
from copilot.tools import news as _news  # noqa: F401  (registers search_news)
from copilot.tools import periods as _periods  # noqa: F401  (registers compare_periods)
from copilot.tools.registry import TOOLS, ToolDeps, ToolOutput, build_langchain_tools, run_tool

__all__ = ["TOOLS", "ToolDeps", "ToolOutput", "build_langchain_tools", "run_tool"]

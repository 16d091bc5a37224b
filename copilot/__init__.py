"""Market Copilot: answers about markets whose every figure is computed, cited and verified."""

__version__ = "0.1.0"

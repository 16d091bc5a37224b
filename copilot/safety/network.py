"""Whether an address keeps a server on this machine."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    """Whether binding to `host` keeps the app on this machine (None: not set, which
    `market-copilot ui` and the app's config make 127.0.0.1)."""
    if host is None:
        return True
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False

"""Who may use the app, and what a failure shows them.

* **Access token.** With `COPILOT_UI_ACCESS_TOKEN` set, every browser session must present it
  once (`http://host:port/?token=…`); the session then remembers it and the token leaves the
  address bar. `market-copilot ui` refuses to bind beyond loopback without one, and the app
  itself refuses to serve when it finds itself bound beyond loopback without one.
* **Error details.** A failing page shows its traceback only to a browser on this machine (a
  loopback connection, no proxy in between); anyone else reads one line, and the traceback goes
  to the server's log. `client.showErrorDetails = "none"` in the app's config covers anything
  raised outside this guard.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable

import streamlit as st

from copilot.safety.network import is_loopback
from copilot.settings import Settings

ACCESS_KEY = "copilot.access_granted"
GENERIC_FAILURE = "Something went wrong on the server; the details are in its log."
_log = logging.getLogger("market_copilot.ui")


def browser_is_local() -> bool:
    """A browser on this machine: Streamlit reports no IP for a loopback connection (nor for
    the in-process test harness), and a proxy in front would add X-Forwarded-For."""
    forwarded = {k.lower() for k in st.context.headers} & {"x-forwarded-for", "forwarded"}
    return not isinstance(st.context.ip_address, str) and not forwarded


def token_matches(given: str | None, settings: Settings) -> bool:
    token = settings.ui_access_token
    if token is None:
        return True
    return given is not None and hmac.compare_digest(
        given.encode("utf-8"), token.get_secret_value().encode("utf-8")
    )


def require_access(settings: Settings) -> bool:
    """True when this session may use the app; otherwise says why (one line) and False."""
    bound = st.get_option("server.address")
    if settings.ui_access_token is None and not is_loopback(bound):
        st.error(
            f"This app is bound to {bound} without access control: set "
            "COPILOT_UI_ACCESS_TOKEN and restart, or bind to 127.0.0.1."
        )
        return False
    if settings.ui_access_token is None or st.session_state.get(ACCESS_KEY):
        return True
    if token_matches(st.query_params.get("token"), settings):
        st.session_state[ACCESS_KEY] = True
        del st.query_params["token"]  # out of the address bar, history and shared links
        return True
    st.error("This app needs its access token: open it as http://host:port/?token=…")
    return False


def run_guarded(page: Callable[[], None]) -> None:
    """Run `page`; a failure is shown in full to a local browser only."""
    try:
        page()
    except Exception as exc:  # the app's one edge for bugs (st.rerun/st.stop are not Exceptions)
        _log.exception("page failed")
        if browser_is_local():
            st.exception(exc)
        else:
            st.error(GENERIC_FAILURE)

"""Debug logging switched on by MULTILINGUAL_DEBUG=1.

Messages go through the ``logging`` module under the logger
"multilingualprogramming"; with the variable set and no handler configured,
a stderr handler is added so that the messages are seen.
"""

from __future__ import annotations

import logging
import os
from typing import Any

logger = logging.getLogger("multilingualprogramming")


def enabled() -> bool:
    """Whether MULTILINGUAL_DEBUG asks for debug messages (read at each call)."""
    return os.environ.get("MULTILINGUAL_DEBUG", "") not in ("", "0")


def log(msg: str, *args: Any) -> None:
    """Log a debug message when MULTILINGUAL_DEBUG is set."""
    if not enabled():
        return
    if not logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("multilingual: %(message)s"))
        logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.DEBUG:
        logger.setLevel(logging.DEBUG)
    logger.debug(msg, *args)

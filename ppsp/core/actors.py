"""Who did it: the acting user of a service call, for ``created_by``/``updated_by`` fields.

Services take ``by`` (a user, an anonymous user or None for system jobs and the public);
the stored actor is the user when authenticated, else None.
"""

from __future__ import annotations

from typing import Any


def user_of(by: Any) -> Any:
    """``by`` when it is an authenticated user, else None."""
    return by if getattr(by, "is_authenticated", False) else None

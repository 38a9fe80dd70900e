"""Pull EHRA submissions straight from a KoboToolbox or ODK Central server.

- KoboToolbox: API v2 ``GET <server>/api/v2/assets/<uid>/data/?format=json`` with the
  header ``Authorization: Token <token>``; pages followed through ``next``.
- ODK Central: OData ``GET <server>/v1/projects/<project>/forms/<form>.svc/Submissions``
  with basic auth (e-mail + password) or a session token (``Authorization: Bearer``);
  pages followed through ``@odata.nextLink``; groups (nested objects) flattened with
  ``-`` as in Central's CSV (``sec_ID-ID_4``, ``meta-instanceID``).

The records are returned as flat dicts and imported through the same checks as a file
(:func:`ppsp.ehra.submissions_file.parse_submissions`, ``.json``). The token is used
for this request only and never stored; ``PPSP_KOBO_TOKEN`` / ``PPSP_ODK_TOKEN`` in the
environment are the fallback. Only https servers on public addresses are contacted
(``settings.EHRA_PULL_ALLOW_PRIVATE`` allows loopback/private hosts, e.g. in tests);
redirects are not followed, responses are capped in size and pages.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.conf import settings

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500
TIMEOUT = 60
KOBO = "kobo"
ODK = "odk"


class PullError(Exception):
    """A pull failed; the message is Indonesian and safe to show."""


@dataclass(frozen=True)
class PullSource:
    """Where to pull from: ``kind`` kobo|odk, the server's base URL, the form.

    ``form`` is the Kobo asset uid, or for ODK Central ``<project id>/<xmlFormId>``.
    """

    kind: str
    server: str
    form: str
    username: str = ""  # ODK Central basic auth (e-mail); empty → token is a session token

    def first_url(self) -> str:
        base = self.server.rstrip("/")
        if self.kind == KOBO:
            uid = urllib.parse.quote(self.form.strip(), safe="")
            return f"{base}/api/v2/assets/{uid}/data/?format=json"
        project, _, form = self.form.strip().partition("/")
        if not project.isdigit() or not form:
            raise PullError("ID formulir ODK Central ditulis <nomor proyek>/<xmlFormId>.")
        name = urllib.parse.quote(form, safe="")
        return f"{base}/v1/projects/{project}/forms/{name}.svc/Submissions"

    def filename(self) -> str:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in self.form)[:80]
        return f"{self.kind}-{safe}.json"


def env_token(kind: str) -> str:
    """The server token from the environment (never from the database)."""
    return os.environ.get("PPSP_KOBO_TOKEN" if kind == KOBO else "PPSP_ODK_TOKEN", "")


def _check_url(url: str, server: str) -> None:
    parts = urllib.parse.urlsplit(url)
    base = urllib.parse.urlsplit(server)
    allow_private = bool(getattr(settings, "EHRA_PULL_ALLOW_PRIVATE", False))
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise PullError("alamat server harus diawali https://.")
    if parts.scheme == "http" and not allow_private:
        raise PullError("alamat server harus diawali https://.")
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        raise PullError("server mengarahkan ke alamat lain; penarikan dihentikan.")
    if allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, None)}
    except OSError as error:
        raise PullError(f"server '{parts.hostname}' tidak ditemukan.") from error
    for address in addresses:
        ip = ipaddress.ip_address(address)
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            raise PullError("alamat server bukan alamat publik.")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _get(url: str, source: PullSource, token: str) -> Any:
    _check_url(url, source.server)
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if source.kind == KOBO:
        request.add_header("Authorization", f"Token {token}")
    elif source.username:
        pair = base64.b64encode(f"{source.username}:{token}".encode()).decode()
        request.add_header("Authorization", f"Basic {pair}")
    else:
        request.add_header("Authorization", f"Bearer {token}")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            raise PullError(f"server menolak token (HTTP {error.code}).") from error
        if error.code == 404:
            raise PullError("formulir tidak ditemukan di server (HTTP 404).") from error
        raise PullError(f"server menjawab HTTP {error.code}.") from error
    except (urllib.error.URLError, OSError) as error:
        raise PullError("server tidak dapat dihubungi.") from error
    if len(body) > MAX_BYTES:
        raise PullError("jawaban server lebih dari 50 MB.")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PullError("jawaban server bukan JSON.") from error


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """An OData record with nested groups → ``group-name`` keys (Central's CSV headers)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if "@odata" in key:
            continue
        name = f"{prefix}-{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, name))
        else:
            out[name] = value
    return out


def pull_records(source: PullSource, token: str) -> list[dict[str, Any]]:
    """Every submission of the form as a flat dict (all pages), or PullError."""
    if source.kind not in (KOBO, ODK):
        raise PullError("jenis server tidak dikenal.")
    if not token:
        raise PullError("isi token akses server.")
    url: str | None = source.first_url()
    records: list[dict[str, Any]] = []
    for _ in range(MAX_PAGES):
        if url is None:
            return records
        page = _get(url, source, token)
        if not isinstance(page, dict):
            raise PullError("jawaban server tidak dikenal.")
        if source.kind == KOBO:
            batch, url = page.get("results"), page.get("next")
        else:
            batch, url = page.get("value"), page.get("@odata.nextLink")
        if not isinstance(batch, list):
            raise PullError("jawaban server tidak berisi daftar kiriman.")
        records += [flatten(r) if source.kind == ODK else dict(r) for r in batch]
    raise PullError(f"lebih dari {MAX_PAGES} halaman data; penarikan dihentikan.")

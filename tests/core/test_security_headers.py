"""Security headers and static files of a real deployment (issue 21 items 1 and 10):
Content-Security-Policy without inline script, HTTPS settings from the environment, and a
manifest storage that does not fail on the vendored libraries' source-map comments."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from ppsp.core.storage import ManifestStaticFilesStorage
from tests.conftest import Cast

ROOT = Path(__file__).resolve().parents[2]
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """Executable inline <script> elements (no src, not a JSON data block) and inline
    event-handler attributes."""
    found = [
        f"<script{attrs}>"
        for attrs in re.findall(r"<script\b([^>]*)>", html, flags=re.IGNORECASE)
        if "src=" not in attrs and 'type="application/json"' not in attrs
    ]
    return found + INLINE_HANDLER.findall(html)


def test_it_has_no_inline_script_in_any_template() -> None:
    offenders = {}
    for template in (ROOT / "ppsp").rglob("templates/**/*.html"):
        found = inline_scripts(template.read_text(encoding="utf-8"))
        found += re.findall(r"javascript:", template.read_text(encoding="utf-8"))
        if found:
            offenders[str(template.relative_to(ROOT))] = found
    assert offenders == {}


def test_it_allows_scripts_only_from_own_static_files() -> None:
    directives = {
        part.partition(" ")[0]: part.partition(" ")[2]
        for part in settings.CONTENT_SECURITY_POLICY.split("; ")
    }
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_it_sends_the_policy_on_pages_without_inline_script(cast: Cast) -> None:
    anonymous = Client()
    for url in ("/akun/masuk/", "/akun/kata-sandi/lupa/", "/tidak-ada/"):
        response = anonymous.get(url)
        assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY, url
        assert inline_scripts(response.content.decode()) == [], url
    client = Client()
    client.force_login(cast.pokja_kabkota)
    for url in ("/", "/wilayah/15.07/", "/program/15.07/", "/tidak-ada/"):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert "Content-Security-Policy" in response, url
        assert inline_scripts(response.content.decode()) == [], url


def test_it_ignores_missing_source_maps_but_not_other_references(tmp_path: Path) -> None:
    storage = ManifestStaticFilesStorage(location=str(tmp_path), base_url="/static/")
    (tmp_path / "lib.min.js").write_text("var a=1;\n//# sourceMappingURL=lib.min.js.map\n")
    (tmp_path / "lib.css").write_text("a{}\n/*# sourceMappingURL=lib.css.map */\n")
    (tmp_path / "broken.css").write_text("b{background:url(missing.png)}\n")
    paths = {name: (storage, name) for name in ("lib.min.js", "lib.css")}
    results = list(storage.post_process(paths))
    assert not [r for r in results if isinstance(r[2], Exception)]
    hashed = storage.stored_name("lib.min.js")
    assert hashed != "lib.min.js"
    assert "sourceMappingURL=lib.min.js.map" in (tmp_path / hashed).read_text()
    broken = list(storage.post_process({"broken.css": (storage, "broken.css")}))
    assert any(isinstance(r[2], Exception) for r in broken)  # url() is still checked


def _settings(**env: str) -> dict[str, object]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PPSP_TESTING", "PPSP_DEMO", "DEBUG"} and not k.startswith("SECURE_")
    }
    clean.update(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.go.id", **env)
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ('SECURE_SSL_REDIRECT', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', "
        "'SESSION_COOKIE_SECURE', 'SECURE_PROXY_SSL_HEADER', 'EMAIL_BACKEND', "
        "'CONTENT_SECURITY_POLICY')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "ppsp.settings"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(result.stdout))


def test_it_takes_https_settings_from_the_environment() -> None:
    production = _settings(BEHIND_TLS_PROXY="1")
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] == 31536000
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    chosen = _settings(
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_PRELOAD="1",
        PPSP_MAP_TILE_URL="https://{s}.tile.example.org/{z}/{x}/{y}.png",
    )
    assert chosen["SECURE_SSL_REDIRECT"] is False
    assert chosen["SECURE_HSTS_SECONDS"] == 600 and chosen["SECURE_HSTS_PRELOAD"] is True
    assert "img-src 'self' data: blob: https://*.tile.example.org" in str(
        chosen["CONTENT_SECURITY_POLICY"]
    )
    demo = _settings(PPSP_DEMO="1")
    assert demo["SECURE_SSL_REDIRECT"] is False and demo["SECURE_HSTS_SECONDS"] == 0
    # the default basemap (OSM, off until switched on) is allowed by the policy
    assert "https://tile.openstreetmap.org" in str(demo["CONTENT_SECURITY_POLICY"])
    assert demo["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_it_warns_at_start_up_when_a_tls_proxy_is_not_counted() -> None:
    from django.test import override_settings

    from ppsp.core.checks import trusted_proxies_cover_tls_proxy

    proxy = ("HTTP_X_FORWARDED_PROTO", "https")
    with override_settings(SECURE_PROXY_SSL_HEADER=proxy, TRUSTED_PROXIES=0):
        assert [m.id for m in trusted_proxies_cover_tls_proxy()] == ["ppsp.W001"]
    with override_settings(SECURE_PROXY_SSL_HEADER=proxy, TRUSTED_PROXIES=1):
        assert trusted_proxies_cover_tls_proxy() == []
    with override_settings(SECURE_PROXY_SSL_HEADER=None, TRUSTED_PROXIES=0):
        assert trusted_proxies_cover_tls_proxy() == []

"""Static files storage for production: hashed, compressed names (WhiteNoise).

Vendored minified libraries (Chart.js, Leaflet) end with a `sourceMappingURL` comment
naming a `.map` file that is not shipped. Django's manifest storage rewrites those
references to hashed names and fails `collectstatic` when the target is missing. Source
maps are a developer aid only, so this storage leaves such comments untouched instead
(a browser's developer tools then get a 404 for the map, nothing else changes); every
other reference (CSS `url()`, `@import`) is still checked and rewritten.
"""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns: Any) -> tuple[Any, ...]:
    kept = []
    for extension, rules in patterns:
        rules = tuple(
            rule
            for rule in rules
            if "sourceMappingURL" not in (rule[0] if isinstance(rule, tuple | list) else rule)
        )
        if rules:
            kept.append((extension, rules))
    return tuple(kept)


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)

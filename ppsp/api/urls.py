"""`/api/v1/`: the shared router, plug-ins from `ppsp.<app>.api`, schema and token page.

See the package docstring (`ppsp/api/__init__.py`) for the plug-in contract.
"""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps
from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from ppsp.api import public, tokens, views

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False
router.register("wilayah", views.RegionViewSet, basename="region")
router.register("kepesertaan", views.ParticipationViewSet, basename="participation")
router.register("tahapan", views.StageRecordViewSet, basename="stage-record")
router.register("dokumen", views.DocumentViewSet, basename="document")
router.register("versi-dokumen", views.DocumentVersionViewSet, basename="document-version")
router.register("ehra/irs", views.DesaResultViewSet, basename="ehra-result")
router.register("ehra/area-berisiko", views.AreaRiskViewSet, basename="area-risk")
router.register("sasaran", views.SasaranViewSet, basename="sasaran")
router.register("program", views.ProgrammeRowViewSet, basename="programme-row")
router.register("publik/dokumen", public.PublicDocumentViewSet, basename="public-document")


def register_plugins() -> list[str]:
    """Call `register(router)` of every installed `ppsp.<x>.api` module; return their names."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ppsp.") or config.name == "ppsp.api":
            continue
        module_name = f"{config.name}.api"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(router)
        found.append(module_name)
    return found


PLUGINS = register_plugins()

urlpatterns: list[URLPattern | URLResolver] = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # the split view serves its start-up script as a file: no inline script (CSP)
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("token/", tokens.token_page, name="token"),
    *router.urls,
]

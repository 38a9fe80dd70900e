"""REST API `/api/v1/` (issue 10 item 3): token auth, UI scoping, OpenAPI document.

Plug-in contract: `ppsp/api/urls.py` imports, for every installed app `ppsp.<x>`, an optional
module `ppsp.<x>.api` and calls its `register(router)` with the shared DRF router (a
`rest_framework.routers.DefaultRouter`, namespace "api"). A plug-in registers read-only
viewsets, preferably subclassing `ppsp.api.scoping.ScopedReadOnlyViewSet` (set `permission`
and `region_prefix`; out-of-scope objects answer 404), e.g.::

    def register(router):
        router.register("realisasi", RealisationViewSet, basename="realisation")

Every URL name it adds (e.g. "api:realisation-list", "api:realisation-detail") needs an
expectation in the app's own `tests/matrix_<x>.py` (see `tests/api/matrix.py`).
"""

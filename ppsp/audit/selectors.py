from __future__ import annotations

from django.db import models
from django.db.models import Q, QuerySet

from ppsp.audit.models import AuditEvent
from ppsp.audit.services import object_type_of


def audit_events_for(obj: models.Model, *, within_region: str = "") -> QuerySet[AuditEvent]:
    """Events of `obj`; with `within_region`, also every event recorded inside that region
    (a desa's page shows its population changes, a kab/kota's everything in it)."""
    condition = Q(object_type=object_type_of(obj), object_id=str(obj.pk))
    if within_region:
        condition |= Q(region_code=within_region) | Q(region_code__startswith=within_region + ".")
    return AuditEvent.objects.filter(condition).select_related("actor")

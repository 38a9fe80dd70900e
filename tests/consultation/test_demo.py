"""The demo konsultasi publik of 15.07: open, with the seed's casino spam held."""

from __future__ import annotations

import io

from django.test import Client
from django.urls import reverse

from ppsp.consultation.models import CommentStatus, Consultation, ConsultationState
from ppsp.demo.consultation import load_consultation_demo
from ppsp.demo.cycles import load_cycles_demo
from tests.conftest import Cast
from tests.consultation.support import ensure_consultation_seed


def test_it_loads_an_open_consultation_with_the_spam_held(cast: Cast) -> None:
    ensure_consultation_seed()
    out = io.StringIO()
    load_cycles_demo(out)
    load_consultation_demo(out)
    load_consultation_demo(out)  # idempotent
    consultation = Consultation.objects.get()
    assert consultation.state == ConsultationState.OPEN
    document = consultation.version.document
    assert (document.region.code, document.period_start, document.period_end) == (
        "15.07",
        2027,
        2031,
    )
    assert consultation.cycle is not None and consultation.cycle.fiscal_year == 2026
    spam = consultation.comments.get(body__contains="Microgaming")
    assert spam.status == CommentStatus.PENDING and spam.suspected
    assert consultation.comments.filter(status=CommentStatus.APPROVED).count() == 3
    assert consultation.comments.filter(response__isnull=False).count() == 1
    assert "1 diduga spam" in out.getvalue()
    page = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert "Kampung Laut" in page and "Microgaming" not in page

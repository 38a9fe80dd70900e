"""The self-assessment toggle says what it changed and offers an undo (issue 19)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from ppsp.consultation.models import QaCheck, QaItem
from tests.conftest import Cast
from tests.consultation.support import consultation_in


def test_it_tells_each_toggle_and_undoes_the_last_one(cast: Cast) -> None:
    consultation = consultation_in()
    item = QaItem.objects.filter(rule="manual").first()
    assert item is not None
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("consultation:qa_set", kwargs={"pk": consultation.pk})
    page = client.post(url, {"item": item.pk, "passed": "1"}, follow=True).content.decode()
    assert "ditandai terpenuhi" in page and 'data-testid="qa-undo"' in page
    assert QaCheck.objects.get(consultation=consultation, item=item).passed
    again = client.post(url, {"item": item.pk, "passed": "1"}, follow=True).content.decode()
    assert QaCheck.objects.get(consultation=consultation, item=item).passed  # a double click
    assert 'data-testid="qa-undo"' not in again  # nothing changed, nothing to undo
    undone = client.post(url, {"item": item.pk, "passed": "0"}, follow=True).content.decode()
    assert "dibatalkan" in undone
    assert not QaCheck.objects.get(consultation=consultation, item=item).passed
    manage = client.get(reverse("consultation:manage", kwargs={"pk": consultation.pk}))
    assert 'data-testid="qa-undo"' not in manage.content.decode()  # offered once

"""Issue 20, public draft: "the final shows which comments changed which section" on the
version itself, not only on the consultation pages: the version page lists, per section of
the outline, the public comments the Pokja accommodated there, and the document's own
Lampiran (Matriks tanggapan) names the section each comment cites and the one it changed,
with a drafted sentence counting them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.consultation.models import Comment
from ppsp.consultation.sections import outline_choices
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.services import tanggapan as services_tanggapan
from ppsp.consultation.services.comments import comment_submit
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import Table
from tests.conftest import Cast
from tests.consultation.support import LEGIT, consultation_in

pytestmark = pytest.mark.django_db

CHANGE = "Desa Simbur Naik dimasukkan ke area berisiko tinggi drainase."


def test_it_lists_the_comments_that_changed_each_section_on_the_final(cast: Cast) -> None:
    consultation = consultation_in()
    subs = [(n, h) for n, h in outline_choices(consultation) if "." in n]
    (a, heading_a), (b, _heading_b) = subs[3], subs[8]
    for k, (section, body) in enumerate(((a, LEGIT), (b, "Mohon IPAL komunal di pesisir."))):
        comment_submit(
            consultation=consultation,
            body=body,
            section=section,
            page=3 + k,
            name=f"Warga {k}",
            address=f"10.0.0.{k + 1}",
            user_agent="uji",
            fill_seconds=60,
        )
    services_moderation.comments_moderate(
        consultation=consultation,
        ids=list(consultation.comments.values_list("pk", flat=True)),
        action="setujui",
        by=cast.pokja_kabkota,
    )
    first, second = Comment.objects.filter(consultation=consultation).order_by("pk")
    services_tanggapan.response_set(
        comment=first,
        decision="diterima",
        reason=CHANGE,
        accommodated=True,
        changed_section=a,
        by=cast.pokja_kabkota,
    )
    services_tanggapan.response_set(
        comment=second, decision="tidak", reason="Di luar periode SSK.", by=cast.pokja_kabkota
    )

    staff = Client()
    staff.force_login(cast.pokja_kabkota)
    page = staff.get(reverse("docgen:version", args=[consultation.version.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'data-testid="changed-by-{a}"' in html and f'data-testid="changed-by-{b}"' not in html
    assert 'data-testid="version-changes"' in html and f'data-testid="by-section-{a}"' in html
    assert CHANGE in html and LEGIT[:40] in html

    context = build_context(consultation.version)
    lampiran = next(s for s in context.sections if s.binding == "tanggapan")
    table = next(b for b in lampiran.blocks if isinstance(b, Table))
    assert table.header[1] == "Bab/bagian dirujuk" and table.header[-1] == "Bab/bagian diubah"
    by_body = {row[3]: row for row in table.rows}
    assert by_body[LEGIT][1] == heading_a and by_body[LEGIT][-1] == heading_a
    assert by_body["Mohon IPAL komunal di pesisir."][-1] == "–"
    text = " ".join(p.text for p in lampiran.paragraphs)
    assert f"Sebanyak 1 masukan diakomodasi dan mengubah dokumen ini: {heading_a} (1 masukan)." in (
        text
    )

    public = Client()
    public.force_login(cast.public)  # the version page stays scoped
    assert public.get(reverse("docgen:version", args=[consultation.version.pk])).status_code in (
        403,
        404,
    )

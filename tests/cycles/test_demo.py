"""The demo loader for documents and the 2026 update cycle of 15.07."""

from __future__ import annotations

import io

from ppsp.cycles.models import ProcessState, UpdateCycle
from ppsp.cycles.trigger_data import triggers_for
from ppsp.demo.cycles import load_cycles_demo
from ppsp.documents.models import Document, Status
from tests.conftest import Cast
from tests.cycles.support import ensure_seed


def test_it_loads_the_demo_idempotently_with_proses1_in_progress(cast: Cast) -> None:
    ensure_seed()
    out = io.StringIO()
    load_cycles_demo(out)
    load_cycles_demo(out)
    assert "Dokumen demo 15.07: 2 baru" in out.getvalue()
    assert "Dokumen demo 15.07: 0 baru" in out.getvalue()
    documents = Document.objects.filter(region__code="15.07")
    assert sorted(documents.values_list("doc_type", "period_start")) == [
        ("BPS", 2015),
        ("SSK", 2016),
    ]
    assert all(d.versions.get().status == Status.APPROVED for d in documents)
    cycle = UpdateCycle.objects.get(region__code="15.07", fiscal_year=2026)
    assert cycle.processes.get(number=1).state == ProcessState.BERJALAN
    fired = {r.key for r in triggers_for(cast.pmu, as_of_year=2026)[0].fired}
    assert fired == {"periode", "rpjmd", "data", "akses_universal"}

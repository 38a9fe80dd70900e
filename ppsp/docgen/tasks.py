"""Background rendering (Django Tasks API); the result is stored on the RenderedFile row."""

from __future__ import annotations

from django_tasks import task

from ppsp.core import jobs


@task()
def render_document_task(rendered_id: int, tracker_id: int | None = None) -> str:
    """Render one queued DOCX/PDF (progress tracked by ppsp.core.jobs); returns its state."""
    from ppsp.docgen.models import RenderedFile, RenderState
    from ppsp.docgen.services import render_run

    def body(tracker: jobs.Tracker) -> str:
        rendered = render_run(rendered_id, tracker)
        if rendered.state != RenderState.DONE:
            tracker.fail(f"Penyusunan gagal: {rendered.error}")
        return f"{rendered.get_fmt_display()} selesai disusun ({rendered.seconds} detik)."

    jobs.run_tracked(tracker_id, body)
    return RenderedFile.objects.get(pk=rendered_id).state

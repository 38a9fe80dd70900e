"""Background rendering (Django Tasks API); the result is stored on the RenderedFile row."""

from __future__ import annotations

from django_tasks import task


@task()
def render_document_task(rendered_id: int) -> str:
    """Render one queued DOCX/PDF; returns the final state."""
    from ppsp.docgen.services import render_run

    return render_run(rendered_id).state

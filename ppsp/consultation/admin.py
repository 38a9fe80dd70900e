from django.contrib import admin

from ppsp.consultation.models import (
    Comment,
    Consultation,
    PublicMeeting,
    QaItem,
    SenderBlock,
    SpamModelVersion,
)
from ppsp.core.admin import AuditedAdmin


@admin.register(Consultation)
class ConsultationAdmin(AuditedAdmin):
    list_display = ("title", "state", "opens_on", "closes_on", "premoderation")
    list_filter = ("state",)
    readonly_fields = (
        "version",
        "cycle",
        "state",
        "published_at",
        "closed_at",
        "created_by",
        "draft_pdf",  # fixed by services.draft (audited), never picked by hand
        "draft_pages",
    )


@admin.register(Comment)
class CommentAdmin(AuditedAdmin):
    list_display = ("id", "consultation", "status", "suspected", "spam_score", "created_at")
    list_filter = ("status", "suspected", "source")
    # Moderation goes through the queue (audited); the admin only reads comments.
    readonly_fields = [f.name for f in Comment._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(QaItem)
class QaItemAdmin(AuditedAdmin):
    list_display = ("order", "code", "label", "rule", "active")
    list_editable = ("active",)


@admin.register(SenderBlock)
class SenderBlockAdmin(AuditedAdmin):
    list_display = ("region", "kind", "created_at", "created_by")
    readonly_fields = ("region", "kind", "digest", "source_comment", "created_by")


@admin.register(PublicMeeting)
class PublicMeetingAdmin(AuditedAdmin):
    list_display = ("title", "held_on", "place", "consultation")


@admin.register(SpamModelVersion)
class SpamModelVersionAdmin(AuditedAdmin):
    list_display = ("number", "active", "created_at", "created_by")
    readonly_fields = ("number", "weights", "trained_on", "holdout", "created_by")

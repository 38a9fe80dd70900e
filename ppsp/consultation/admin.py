from django.contrib import admin

from ppsp.consultation.models import (
    Comment,
    Consultation,
    PublicMeeting,
    QaItem,
    SenderBlock,
    SpamModelVersion,
)


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin[Consultation]):
    list_display = ("title", "state", "opens_on", "closes_on", "premoderation")
    list_filter = ("state",)
    readonly_fields = ("version", "cycle", "state", "published_at", "closed_at", "created_by")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = ("id", "consultation", "status", "suspected", "spam_score", "created_at")
    list_filter = ("status", "suspected", "source")
    # Moderation goes through the queue (audited); the admin only reads comments.
    readonly_fields = [f.name for f in Comment._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(QaItem)
class QaItemAdmin(admin.ModelAdmin[QaItem]):
    list_display = ("order", "code", "label", "rule", "active")
    list_editable = ("active",)


@admin.register(SenderBlock)
class SenderBlockAdmin(admin.ModelAdmin[SenderBlock]):
    list_display = ("region", "kind", "created_at", "created_by")
    readonly_fields = ("region", "kind", "digest", "source_comment", "created_by")


@admin.register(PublicMeeting)
class PublicMeetingAdmin(admin.ModelAdmin[PublicMeeting]):
    list_display = ("title", "held_on", "place", "consultation")


@admin.register(SpamModelVersion)
class SpamModelVersionAdmin(admin.ModelAdmin[SpamModelVersion]):
    list_display = ("number", "active", "created_at", "created_by")
    readonly_fields = ("number", "weights", "trained_on", "holdout", "created_by")

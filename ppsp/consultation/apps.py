from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "ppsp.consultation"
    label = "consultation"
    verbose_name = _("Konsultasi publik")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.consultation import selectors
        from ppsp.consultation.services_pengesahan import register_approval_guard

        register_approval_guard()  # a consulted version is approved only by its pengesahan

        register(
            "consultation.consultation",
            selectors.get_consultation_for_user,
            lambda consultation: consultation.region_code,
        )
        register(
            "consultation.comment",
            selectors.get_comment_for_user,
            lambda comment: comment.consultation.region_code,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "ppsp.consultation"
    label = "consultation"
    verbose_name = _("Konsultasi publik")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.consultation.models import Comment, Consultation
        from ppsp.consultation.services.pengesahan import register_approval_guard
        from ppsp.core.permissions import Permission

        register_approval_guard()  # a consulted version is approved only by its pengesahan

        related = "version__document__region"
        register(
            Consultation.objects.select_related(related),
            Permission.VIEW_DOCUMENTS,
            "region_code",
        )
        register(
            Comment.objects.select_related(f"consultation__{related}"),
            Permission.VIEW_DOCUMENTS,
            "consultation.region_code",
        )

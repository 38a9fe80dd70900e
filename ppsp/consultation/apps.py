from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "ppsp.consultation"
    label = "consultation"
    verbose_name = _("Konsultasi publik")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.consultation import signals  # noqa: F401  (approval guard)
        from ppsp.consultation.models import Comment, Consultation
        from ppsp.core.permissions import Permission

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

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "ppsp.programme"
    label = "programme"
    verbose_name = _("Program PPSP")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.programme import models

        view = Permission.VIEW_PROGRAMME
        register(models.Participation, view, "region.code")
        register(models.StageRecord, view, "participation.region.code")
        register(models.PokjaSk, view, "region.code")
        register(models.PokjaMember, view, "sk.region.code")
        register(models.FacilitatorAssignment, view, "region.code")

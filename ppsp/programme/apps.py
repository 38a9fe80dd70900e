from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "ppsp.programme"
    label = "programme"
    verbose_name = _("Program PPSP")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.programme import selectors

        register(
            "programme.participation",
            selectors.get_participation_by_id_for_user,
            lambda obj: obj.region.code,
        )
        register(
            "programme.stagerecord",
            selectors.get_stage_record_for_user,
            lambda obj: obj.participation.region.code,
        )
        register("programme.pokjask", selectors.get_pokja_sk_for_user, lambda obj: obj.region.code)
        register(
            "programme.pokjamember",
            selectors.get_pokja_member_for_user,
            lambda obj: obj.sk.region.code,
        )
        register(
            "programme.facilitatorassignment",
            selectors.get_assignment_for_user,
            lambda obj: obj.region.code,
        )

from django.urls import path

from ppsp.programme.views import dashboard, facilitators, imports, pokja, stages

app_name = "programme"
urlpatterns = [
    path("", dashboard.index, name="index"),
    path("nasional/", dashboard.national, name="national"),
    path("nasional/ekspor.<str:fmt>", dashboard.national_export, name="national_export"),
    path("provinsi/<str:code>/", dashboard.province, name="province"),
    path("provinsi/<str:code>/ekspor.<str:fmt>", dashboard.province_export, name="province_export"),
    path("impor/", imports.import_upload, name="import"),
    path("impor/simpan/", imports.import_commit, name="import_commit"),
    path("fasilitator/", facilitators.facilitators, name="facilitators"),
    path("fasilitator/tugaskan/", facilitators.facilitator_assign, name="facilitator_assign"),
    path("fasilitator/pelatihan/", facilitators.training_create, name="training_create"),
    path("fasilitator/beban-kerja/", facilitators.workload, name="workload"),
    path("tahapan/<int:pk>/ubah/", stages.stage_record_edit, name="stage_record_edit"),
    path("tahapan/<int:pk>/bukti/", stages.stage_evidence, name="stage_evidence"),
    path(
        "tahapan/<int:pk>/status/", stages.stage_record_transition, name="stage_record_transition"
    ),
    path("<str:code>/", dashboard.kabkota, name="kabkota"),
    path("<str:code>/kepesertaan/", stages.participation_edit, name="participation_edit"),
    path("<str:code>/tahapan/baru/", stages.stage_record_create, name="stage_record_create"),
    path("<str:code>/pokja/", pokja.pokja, name="pokja"),
    path("<str:code>/pokja/sk-baru/", pokja.pokja_sk_create, name="pokja_sk_create"),
    path("<str:code>/pokja/anggota/", pokja.pokja_member_add, name="pokja_member_add"),
    path("<str:code>/pokja/opd/", pokja.opd_create, name="opd_create"),
    path("pokja/anggota/<int:pk>/ubah/", pokja.pokja_member_edit, name="pokja_member_edit"),
    path("pokja/anggota/<int:pk>/berhenti/", pokja.pokja_member_end, name="pokja_member_end"),
    path(
        "fasilitator/<int:pk>/ubah/",
        facilitators.assignment_edit,
        name="facilitator_assignment_edit",
    ),
    path(
        "fasilitator/<int:pk>/akhiri/",
        facilitators.assignment_end,
        name="facilitator_assignment_end",
    ),
]

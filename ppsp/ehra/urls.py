from django.urls import path

from ppsp.ehra import views
from ppsp.ehra.views import config as views_config
from ppsp.ehra.views import edit as views_edit
from ppsp.ehra.views import form as views_form
from ppsp.ehra.views import results as views_results
from ppsp.ehra.views import sampling as views_sampling

app_name = "ehra"
urlpatterns = [
    path("", views.index, name="index"),
    path("kuesioner.xlsx", views.questionnaire, name="questionnaire"),
    path("templat.csv", views.template, name="template"),
    path("putaran/<int:pk>/", views.round_detail, name="round"),
    path("putaran/<int:pk>/impor/", views.import_upload, name="import"),
    path("putaran/<int:pk>/tarik/", views_form.pull, name="pull"),
    path("putaran/<int:pk>/desa.csv", views_form.round_desa_csv, name="desa_csv"),
    path("putaran/<int:pk>/kecamatan.csv", views_form.round_kecamatan_csv, name="kecamatan_csv"),
    path("putaran/<int:pk>/rumah-tangga/", views.households, name="households"),
    path("putaran/<int:pk>/periksa/", views.bulk_review, name="bulk_review"),
    path("putaran/<int:pk>/hitung/", views_results.compute, name="compute"),
    path("putaran/<int:pk>/irs/", views_results.irs_table, name="irs"),
    path("putaran/<int:pk>/area-berisiko/", views_results.area_table, name="area"),
    path("putaran/<int:pk>/persepsi-opd/", views_results.opd, name="opd"),
    path("putaran/<int:pk>/sampel/", views_sampling.sampling, name="sampling"),
    path("putaran/<int:pk>/sampel/buat/", views_sampling.sampling_run, name="sampling_run"),
    path("putaran/<int:pk>/sampel/rt/", views_sampling.sampling_rt, name="sampling_rt"),
    path("putaran/<int:pk>/sampel/daftar.xlsx", views_sampling.sampling_xlsx, name="sampling_xlsx"),
    path("putaran/<int:pk>/konfigurasi/", views_config.round_config, name="round_config"),
    path("konfigurasi/", views_config.config_list, name="config"),
    path("konfigurasi/baru/", views_config.config_draft, name="config_draft"),
    path("konfigurasi/<int:pk>/setujui/", views_config.config_approve_view, name="config_approve"),
    path("impor/<int:pk>/", views.import_run, name="import_run"),
    path("impor/<int:pk>/progres/", views_edit.import_progress, name="import_progress"),
    path("putaran/<int:pk>/irs-strata/", views_edit.irs_strata, name="irs_strata"),
    path("rumah-tangga/<int:pk>/ubah/", views_edit.household_edit, name="household_edit"),
    path("rumah-tangga/<int:pk>/", views.household_detail, name="household"),
    path("rumah-tangga/<int:pk>/status/", views.household_transition, name="household_transition"),
    path("area/<int:pk>/sesuaikan/", views_results.area_override, name="override"),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/buka/", views.round_create, name="round_create"),
]

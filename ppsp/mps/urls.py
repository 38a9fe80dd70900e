from django.urls import path

from ppsp.mps import views
from ppsp.mps.views import files as views_files
from ppsp.mps.views import kkl_nodes as views_kkl
from ppsp.mps.views import scenario as views_scenario

app_name = "mps"
urlpatterns = [
    path("", views.index, name="index"),
    path("satker-kl/", views_scenario.satker, name="satker"),
    path("baris/<int:pk>/", views.row_edit, name="row_edit"),
    path("baris/<int:pk>/status/", views.row_move, name="row_move"),
    path("baris/<int:pk>/duplikat/", views.row_duplicate, name="row_duplicate"),
    path("baris/<int:pk>/komitmen/", views.commitment_add, name="commitment_add"),
    path("komitmen/<int:pk>/status/", views.commitment_advance, name="commitment_advance"),
    path("komitmen/<int:pk>/bukti/", views_files.commitment_evidence, name="commitment_evidence"),
    path("rencana/<int:pk>/komitmen-apbd/", views.komitmen, name="komitmen"),
    path("rencana/<int:pk>/qa/", views.qa, name="qa"),
    path("rencana/<int:pk>/eksternalisasi/", views.externalise, name="externalise"),
    path("rencana/<int:pk>/swot/", views.swot, name="swot"),
    path("rencana/<int:pk>/kkl/", views.kkl, name="kkl"),
    path("rencana/<int:pk>/lampiran4.xlsx", views_files.export, name="export"),
    path("rencana/<int:pk>/impor/", views_files.import_upload, name="import"),
    path("rencana/<int:pk>/impor/simpan/", views_files.import_commit, name="import_commit"),
    path("rencana/<int:pk>/mps/<int:year>/", views_files.mps_table, name="table"),
    path("rencana/<int:pk>/mps/<int:year>/setujui/", views_files.mps_sign, name="sign"),
    path("rencana/<int:pk>/mps/<int:year>.xlsx", views_files.mps_table_export, name="table_export"),
    path("kkl/simpul/<int:pk>/", views_kkl.node_edit, name="kkl_node"),
    path("kkl/simpul/<int:pk>/hapus/", views_kkl.node_delete, name="kkl_node_delete"),
    path("rencana/<int:pk>/skenario/", views_scenario.scenario, name="scenario"),
    path(
        "rencana/<int:pk>/skenario/selaraskan/",
        views_scenario.scenario_align,
        name="scenario_align",
    ),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/bangkitkan/", views.generate, name="generate"),
]

from django.urls import path

from ppsp.scenarios import views
from ppsp.scenarios.views import vision as views_vision

app_name = "scenarios"
urlpatterns = [
    path("harga-satuan/", views.unit_costs, name="unit_costs"),
    path("harga-satuan/<int:pk>/salin/", views.unit_cost_copy, name="unit_cost_copy"),
    path("s/<int:pk>/", views.detail, name="detail"),
    path("s/<int:pk>/baris/", views.line_add, name="line_add"),
    path("s/<int:pk>/zona/", views.zone_generate, name="zone_generate"),
    path("s/<int:pk>/sumber-dana/", views.caps_set, name="caps_set"),
    path("s/<int:pk>/optimasi/", views.optimise, name="optimise"),
    path("s/<int:pk>/optimasi/status/", views.optimise_status, name="optimise_status"),
    path("s/<int:pk>/pilih/", views.choose, name="choose"),
    path("s/<int:pk>/tahapan/", views_vision.stage_save, name="stage_save"),
    path("s/<int:pk>/tabel-5-1.xlsx", views.table_xlsx, name="table_xlsx"),
    path("baris/<int:pk>/ubah/", views.line_edit, name="line_edit"),
    path("baris/<int:pk>/hapus/", views.line_delete, name="line_delete"),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/<int:year>/", views.index, name="index"),
    path("<str:code>/<int:year>/buat/", views.create, name="create"),
    path("<str:code>/<int:year>/sistem/", views.systems, name="systems"),
    path("<str:code>/<int:year>/visi/", views_vision.vision, name="vision"),
]

from django.urls import path

from ppsp.profiles import views

app_name = "profiles"
urlpatterns = [
    path("dokumen/<int:pk>/berkas/", views.legacy_file, name="legacy_file"),
    path("dokumen/<int:pk>/indikator/", views.target_add, name="target_add"),
    path("indikator/<int:pk>/", views.target_edit, name="target_edit"),
    path("indikator/<int:pk>/hapus/", views.target_delete, name="target_delete"),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/<int:year>/desa/<str:desa>/", views.row, name="row"),
    path("<str:code>/<int:year>/form2.xlsx", views.export, name="export"),
    path("<str:code>/<int:year>/impor/", views.import_upload, name="import"),
    path("<str:code>/kemajuan/", views.kemajuan, name="kemajuan"),
    path("<str:code>/kemajuan.xlsx", views.kemajuan_export, name="kemajuan_export"),
    path("<str:code>/kemajuan/unggah/", views.legacy_upload, name="legacy_upload"),
]

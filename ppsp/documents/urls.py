from django.urls import path

from ppsp.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("versi/<int:pk>/", views.version_detail, name="version"),
    path("versi/<int:pk>/ubah/", views.version_edit, name="version_edit"),
    path("versi/<int:pk>/status/", views.version_transition, name="version_transition"),
    path("versi/<int:pk>/berkas/", views.file_upload, name="file_upload"),
    path("berkas/<int:pk>/", views.file_download, name="file"),
    path("<int:pk>/versi-baru/", views.new_version, name="new_version"),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/baru/", views.create, name="create"),
]

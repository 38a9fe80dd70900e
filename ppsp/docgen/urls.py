from django.urls import path

from ppsp.docgen import views

app_name = "docgen"
urlpatterns = [
    path("versi/<int:pk>/", views.version, name="version"),
    path("versi/<int:pk>/narasi/<str:section>/", views.narrative, name="narrative"),
    path("versi/<int:pk>/susun/", views.render_start, name="render"),
    path("versi/<int:pk>/beda/", views.diff, name="diff"),
    path("berkas/<int:pk>/", views.rendered_status, name="status"),
    path("berkas/<int:pk>/unduh/", views.download, name="download"),
    path("publik/versi/<int:pk>/", views.public_files, name="public_files"),
    path("publik/versi/<int:pk>/<str:fmt>/", views.public_download, name="public_download"),
]

from django.urls import path

from ppsp.monev import views

app_name = "monev"

urlpatterns = [
    path("", views.index, name="index"),
    path("nasional/<int:year>/", views.national, name="national"),
    path("peringkat/<int:year>/", views.ranking, name="ranking"),
    path("provinsi/<str:code>/<int:year>/", views.province, name="province"),
    path("laporan/<int:pk>/ajukan/", views.submit, name="submit"),
    path("laporan/<int:pk>/tinjau/", views.review, name="review"),
    path("<str:code>/", views.kabkota_latest, name="kabkota_latest"),
    path("<str:code>/<int:year>/", views.kabkota, name="kabkota"),
    path("<str:code>/<int:year>/simpan/", views.save, name="save"),
    path("<str:code>/<int:year>/impor/", views.import_file, name="import"),
]

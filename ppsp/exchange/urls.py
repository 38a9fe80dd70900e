from django.urls import path

from ppsp.exchange import views

app_name = "exchange"
urlpatterns = [
    path("ekspor/", views.export, name="export"),
    path("ekspor/<str:code>/<slug:table>.<slug:fmt>", views.download, name="download"),
    path("ekspor/tugas/<int:pk>/", views.job, name="job"),
    path("ekspor/tugas/<int:pk>/unduh/", views.job_file, name="job_file"),
    path("impor/<str:code>/", views.imports, name="imports"),
    path("impor/berkas/<int:pk>/", views.batch, name="batch"),
    path("impor/berkas/<int:pk>/impor/", views.batch_commit, name="batch_commit"),
    path("data-terbuka/", views.open_data, name="open_data"),
    path("data-terbuka/ssk.csv", views.open_data_csv, name="open_data_csv"),
    path("data-terbuka/datapackage.json", views.open_data_package, name="open_data_package"),
]

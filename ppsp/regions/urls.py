from django.urls import path

from ppsp.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.index, name="index"),
    path("cari/", views.search, name="search"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/penduduk/", views.population_edit, name="population_edit"),
    path("<str:code>/ekspor.csv", views.export_children, name="export_children"),
]

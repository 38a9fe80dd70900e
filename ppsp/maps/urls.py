from django.urls import path

from ppsp.maps import views
from ppsp.maps.views import regional as views_regional

app_name = "maps"
urlpatterns = [
    path(
        "wilayah/nasional/batas.geojson",
        views_regional.national_outlines,
        name="national_outlines",
    ),
    path(
        "wilayah/nasional/indikator.json",
        views_regional.national_indicators,
        name="national_indicators",
    ),
    path(
        "wilayah/nasional/peta.<str:fmt>",
        views_regional.national_export,
        name="national_export",
    ),
    path(
        "wilayah/<str:code>/peta.<str:fmt>",
        views_regional.province_export,
        name="province_export",
    ),
    path(
        "wilayah/<str:code>/batas.geojson",
        views_regional.province_outlines,
        name="province_outlines",
    ),
    path(
        "wilayah/<str:code>/indikator.json",
        views_regional.province_indicators,
        name="province_indicators",
    ),
    path("batas/<int:pk>/", views.preview, name="preview"),
    path("batas/<int:pk>/terapkan/", views.commit, name="commit"),
    path("<str:code>/", views.risk_map, name="map"),
    path("<str:code>/peta.png", views.export_png, name="png"),
    path("<str:code>/peta.pdf", views.export_pdf, name="pdf"),
    path("<str:code>/batas/", views.upload, name="upload"),
]

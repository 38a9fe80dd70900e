from django.urls import path

from ppsp.maps import views

app_name = "maps"
urlpatterns = [
    path("batas/<int:pk>/", views.preview, name="preview"),
    path("batas/<int:pk>/terapkan/", views.commit, name="commit"),
    path("<str:code>/", views.risk_map, name="map"),
    path("<str:code>/peta.png", views.export_png, name="png"),
    path("<str:code>/peta.pdf", views.export_pdf, name="pdf"),
    path("<str:code>/batas/", views.upload, name="upload"),
]

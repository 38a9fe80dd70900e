from django.urls import path

from ppsp.audit import views

app_name = "audit"
urlpatterns = [
    path("<str:object_type>/<int:object_id>/", views.object_history, name="object"),
]

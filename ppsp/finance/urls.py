from django.urls import path

from ppsp.finance import views

app_name = "finance"
urlpatterns = [
    path("<str:code>/<int:year>/", views.capacity, name="capacity"),
    path("<str:code>/<int:year>/mulai/", views.start, name="start"),
    path("pt03/<int:pk>/opd/", views.opd_set, name="opd_set"),
    path("pt03/<int:pk>/opd/hapus/", views.opd_delete, name="opd_delete"),
    path("pt03/<int:pk>/realisasi/", views.history_update, name="history_update"),
    path("pt03/<int:pk>/rencana/", views.plan_update, name="plan_update"),
    path("pt03/<int:pk>/pengaturan/", views.settings_update, name="settings_update"),
    path("pt03/<int:pk>/impor/", views.belanja_import, name="belanja_import"),
    path("pt03/<int:pk>/belanja.xlsx", views.belanja_xlsx, name="belanja_xlsx"),
]

from django.urls import path

from ppsp.cycles import views

app_name = "cycles"
urlpatterns = [
    path("", views.index, name="index"),
    path("pemicu/", views.triggers, name="triggers"),
    path("siklus/<int:pk>/", views.cycle_detail, name="cycle"),
    path("siklus/<int:pk>/sk-pokja/", views.sk_pokja, name="sk_pokja"),
    path("siklus/<int:pk>/rencana-kerja/", views.activity_add, name="activity_add"),
    path("siklus/<int:pk>/rapat/", views.meeting_add, name="meeting_add"),
    path("siklus/<int:pk>/finalisasi/", views.finalisasi, name="finalisasi"),
    path("proses/<int:pk>/", views.process_detail, name="process"),
    path("proses/<int:pk>/status/", views.process_transition, name="process_transition"),
    path("proses/<int:pk>/langkah/", views.steps, name="steps"),
    path("<str:code>/", views.kabkota, name="kabkota"),
    path("<str:code>/buka/", views.open_cycle, name="open"),
]

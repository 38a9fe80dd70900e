from django.urls import path

from ppsp.core import views
from ppsp.core.views import jobs as views_jobs
from ppsp.core.views import uploads as views_uploads

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("tugas/<int:pk>/", views_jobs.job_status, name="job_status"),
    path("tugas/<int:pk>/batal/", views_jobs.job_cancel, name="job_cancel"),
    path("tugas/impor/<int:pk>/", views_uploads.upload_status, name="upload_status"),
]

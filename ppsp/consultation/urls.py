from django.urls import path

from ppsp.consultation import views

app_name = "consultation"
urlpatterns = [
    # public, no login
    path("", views.public_index, name="public_index"),
    path("<int:pk>/", views.public_detail, name="public"),
    path("<int:pk>/komentar/", views.public_comment, name="public_comment"),
    path("<int:pk>/matriks-tanggapan.xlsx", views.public_matrix_xlsx, name="public_matrix"),
    path("komentar-saya/<str:token>/", views.own_comment, name="own_comment"),
    # Pokja, moderators, Kepala Daerah
    path("kelola/model-spam/", views.spam_models_page, name="spam_models"),
    path("kelola/model-spam/latih-ulang/", views.spam_retrain, name="spam_retrain"),
    path("kelola/versi/<int:pk>/baru/", views.manage_create, name="create"),
    path("kelola/<int:pk>/", views.manage, name="manage"),
    path("kelola/<int:pk>/status/", views.manage_transition, name="transition"),
    path("kelola/<int:pk>/moderasi/", views.moderation, name="moderation"),
    path("kelola/<int:pk>/moderasi/aksi/", views.moderation_action, name="moderation_action"),
    path("kelola/komentar/<int:pk>/blokir/", views.sender_block, name="block"),
    path("kelola/<int:pk>/pertemuan/", views.meeting_add, name="meeting_add"),
    path("kelola/pertemuan/<int:pk>/", views.meeting, name="meeting"),
    path("kelola/<int:pk>/tanggapan/", views.tanggapan, name="tanggapan"),
    path("kelola/<int:pk>/tanggapan.xlsx", views.tanggapan_xlsx, name="tanggapan_xlsx"),
    path("kelola/komentar/<int:pk>/tanggapan/", views.response_set, name="response_set"),
    path("kelola/<int:pk>/perubahan/", views.changes, name="changes"),
    path("kelola/<int:pk>/swa-penilaian/", views.qa_set, name="qa_set"),
    path("kelola/<int:pk>/pengesahan/", views.pengesahan, name="pengesahan"),
    path("kelola/<str:code>/", views.manage_kabkota, name="kabkota"),
]

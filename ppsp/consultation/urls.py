from django.urls import path

from ppsp.consultation.views import draft as views_draft
from ppsp.consultation.views import manage as views_manage
from ppsp.consultation.views import moderation as views_moderation
from ppsp.consultation.views import public as views_public
from ppsp.consultation.views import tanggapan as views_tanggapan

app_name = "consultation"
urlpatterns = [
    # public, no login
    path("", views_public.public_index, name="public_index"),
    path("<int:pk>/", views_public.public_detail, name="public"),
    path("<int:pk>/komentar/", views_public.public_comment, name="public_comment"),
    path("<int:pk>/matriks-tanggapan.xlsx", views_public.public_matrix_xlsx, name="public_matrix"),
    path("<int:pk>/berkas-pengesahan/", views_public.public_signed_file, name="public_signed_file"),
    path("<int:pk>/draf-v<int:number>.pdf", views_draft.public_draft_pdf, name="public_draft"),
    path("komentar-saya/<str:token>/", views_public.own_comment, name="own_comment"),
    # Pokja, moderators, Kepala Daerah
    path("kelola/model-spam/", views_moderation.spam_models_page, name="spam_models"),
    path("kelola/model-spam/latih-ulang/", views_moderation.spam_retrain, name="spam_retrain"),
    path("kelola/versi/<int:pk>/baru/", views_manage.manage_create, name="create"),
    path("kelola/<int:pk>/", views_manage.manage, name="manage"),
    path("kelola/<int:pk>/draf-pdf/", views_draft.draft_refresh, name="draft_refresh"),
    path("kelola/<int:pk>/status/", views_manage.manage_transition, name="transition"),
    path("kelola/<int:pk>/moderasi/", views_moderation.moderation, name="moderation"),
    path(
        "kelola/<int:pk>/moderasi/aksi/",
        views_moderation.moderation_action,
        name="moderation_action",
    ),
    path("kelola/komentar/<int:pk>/blokir/", views_moderation.sender_block, name="block"),
    path("kelola/<int:pk>/pertemuan/", views_manage.meeting_add, name="meeting_add"),
    path("kelola/pertemuan/<int:pk>/", views_manage.meeting, name="meeting"),
    path("kelola/<int:pk>/tanggapan/", views_tanggapan.tanggapan, name="tanggapan"),
    path("kelola/<int:pk>/tanggapan.xlsx", views_tanggapan.tanggapan_xlsx, name="tanggapan_xlsx"),
    path("kelola/komentar/<int:pk>/tanggapan/", views_tanggapan.response_set, name="response_set"),
    path("kelola/<int:pk>/perubahan/", views_tanggapan.changes, name="changes"),
    path("kelola/<int:pk>/swa-penilaian/", views_manage.qa_set, name="qa_set"),
    path("kelola/<int:pk>/pengesahan/", views_manage.pengesahan, name="pengesahan"),
    path("kelola/<str:code>/", views_manage.manage_kabkota, name="kabkota"),
]

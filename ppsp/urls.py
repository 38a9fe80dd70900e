from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("ppsp.core.urls")),
    path("akun/", include("ppsp.accounts.urls")),
    path("wilayah/", include("ppsp.regions.urls")),
    path("audit/", include("ppsp.audit.urls")),
    path("program/", include("ppsp.programme.urls")),
    path("dokumen/", include("ppsp.documents.urls")),
    path("pemutakhiran/", include("ppsp.cycles.urls")),
    path("keuangan/", include("ppsp.finance.urls")),
    path("skenario/", include("ppsp.scenarios.urls")),
    path("konsultasi/", include("ppsp.consultation.urls")),
    path("ehra/", include("ppsp.ehra.urls")),
    path("peta/", include("ppsp.maps.urls")),
    path("mps/", include("ppsp.mps.urls")),
    path("susun-dokumen/", include("ppsp.docgen.urls")),
    path("profil/", include("ppsp.profiles.urls")),
    path("monev/", include("ppsp.monev.urls")),
    path("api/v1/", include("ppsp.api.urls")),
    path("pertukaran/", include("ppsp.exchange.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
# Media are never served directly, not even in DEBUG: every stored file goes out through a
# view that checks the user's region scope (ppsp.core.files.file_response).

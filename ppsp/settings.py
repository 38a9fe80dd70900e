"""One env-driven settings module (anchors-code.md §11 rule 1).

Every variable is documented in `dotenv-sample`. SQLite is the default; set
DATABASE_URL for PostgreSQL. Outside demo/debug mode SECRET_KEY and ALLOWED_HOSTS
must come from the environment, or start-up fails with a hint.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")
DEMO_MODE = env_bool("PPSP_DEMO")
TESTING = env_bool("PPSP_TESTING")
# A real deployment: secure defaults (HTTPS redirect, HSTS, secure cookies, SMTP e-mail).
PRODUCTION = not (DEBUG or DEMO_MODE or TESTING)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or DEMO_MODE or TESTING:
        SECRET_KEY = "insecure-dev-only-key-never-use-in-production"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see dotenv-sample), "
            "or set DEBUG=1 / PPSP_DEMO=1 for a local demo."
        )

_hosts = os.environ.get("ALLOWED_HOSTS", "")
ALLOWED_HOSTS = [h.strip() for h in _hosts.split(",") if h.strip()]
if not ALLOWED_HOSTS:
    if DEBUG or DEMO_MODE or TESTING:
        ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    else:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Give a comma-separated list, e.g. "
            "ALLOWED_HOSTS=sanitasi.example.go.id"
        )
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "ppsp.core",
    "ppsp.accounts",
    "ppsp.regions",
    "ppsp.audit",
    "ppsp.programme",
    "ppsp.documents",
    "ppsp.cycles",
    "ppsp.finance",
    "ppsp.scenarios",
    "ppsp.consultation",
    "ppsp.mps",
    "ppsp.ehra",
    "ppsp.monev",
    "ppsp.profiles",
    "ppsp.docgen",
    "ppsp.maps",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ppsp.api",
    "ppsp.exchange",
    "ppsp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ppsp.core.middleware.ContentSecurityPolicyMiddleware",
    "ppsp.core.middleware.UntrustedProxyWarningMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ppsp.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ppsp.core.freeze.RefusalAuditMiddleware",  # audits writes refused by approval freezes
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the 429 login page
]

ROOT_URLCONF = "ppsp.urls"
WSGI_APPLICATION = "ppsp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ppsp" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ppsp.core.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'ppsp.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # writers queue for the lock instead of failing after the default 5 s under load
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The database cache is shared by every web process (login throttling needs that);
# `manage.py createcachetable` creates it (make migrate does).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ppsp_cache",
        # Rate-limit counters live here: a flood from many addresses must not cull them.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    # Per process, for content that never changes under its key (fragments keyed by the
    # aggregates' "last computed" stamp): a hit costs no database round trip.
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ppsp-local",
        "OPTIONS": {"MAX_ENTRIES": 2_000},
    },
}


def _rate(name: str, default: str) -> tuple[int, int]:
    """'COUNT/SECONDS' from the environment, e.g. PPSP_COMMENT_RATE_IP=10/600."""
    count, seconds = os.environ.get(name, default).split("/")
    return int(count), int(seconds)


# Public consultation comments: per address (per consultation) and per consultation.
CONSULTATION_RATE_PER_IP = _rate("PPSP_COMMENT_RATE_IP", "10/600")
CONSULTATION_RATE_PER_CONSULTATION = _rate("PPSP_COMMENT_RATE_CONSULTATION", "300/600")
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR);
# read by ppsp.core.client.client_address for comment rate limits and login lockout.
TRUSTED_PROXIES = int(os.environ.get("PPSP_TRUSTED_PROXIES", "0"))

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "ppsp.accounts.backends.NotDemoPasswordValidator"},
]
# Login lockout by django-axes: 5 failures for one username from one address lock that pair
# for 15 minutes (attempts kept in the database, visible in the admin).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, refusing the published demo password outside demo mode
    "ppsp.accounts.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Failures are also counted per address across usernames (one address guessing many
# accounts) and per username across addresses (many addresses guessing one account), each
# with its own limit within the cool-off (ppsp.accounts.lockout.LockoutHandler).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_HANDLER = "ppsp.accounts.lockout.LockoutHandler"
LOCKOUT_LIMITS = {
    "username+ip_address": AXES_FAILURE_LIMIT,
    "ip_address": int(os.environ.get("PPSP_LOCKOUT_PER_ADDRESS", "20")),
    "username": int(os.environ.get("PPSP_LOCKOUT_PER_USERNAME", "10")),
}
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "ppsp.core.client.client_address"
AXES_LOCKOUT_CALLABLE = "ppsp.accounts.views.locked_out"
AXES_VERBOSE = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "ppsp" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "ppsp" / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING or DEMO_MODE
            else "ppsp.core.storage.ManifestStaticFilesStorage"
        )
    },
}

# Local runs (debug, demo, tests) serve static files straight from the source folders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = DEBUG or TESTING or DEMO_MODE

# Uploads and stored files (ppsp.core.uploads, ppsp.core.files). Files leave only through
# scoped views; behind nginx set PPSP_FILE_SERVING=x-accel and an `internal` location at
# PPSP_X_ACCEL_PREFIX aliased to MEDIA_ROOT (x-sendfile for Apache/lighttpd).
PPSP_FILE_SERVING = os.environ.get("PPSP_FILE_SERVING", "django")
PPSP_X_ACCEL_PREFIX = os.environ.get("PPSP_X_ACCEL_PREFIX", "/protected-media/")
PPSP_UPLOAD_LIMITS: dict[str, dict[str, int]] = {}  # e.g. {"tabular": {"max_bytes": 30 << 20}}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger uploads spool to a temporary file

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Background jobs (ppsp.core.jobs): a running job whose worker has been silent this long
# counts as dead and is retried until it has run PPSP_JOB_MAX_ATTEMPTS times, then failed.
PPSP_JOB_LEASE_SECONDS = int(os.environ.get("PPSP_JOB_LEASE_SECONDS", "60"))
PPSP_JOB_MAX_ATTEMPTS = int(os.environ.get("PPSP_JOB_MAX_ATTEMPTS", "2"))
# The optimiser stops once its value is proven within this relative gap (0.001 = 0.1 %).
PPSP_OPTIMISER_GAP = float(os.environ.get("PPSP_OPTIMISER_GAP", "0.001"))
PPSP_OPTIMISER_TIME_LIMIT = float(os.environ.get("PPSP_OPTIMISER_TIME_LIMIT", "8"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not (DEBUG or DEMO_MODE or TESTING))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
)
# HTTPS from the environment (docs/operations.md "TLS"); secure by default in production.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")


# The optional basemap of the maps (off until the user switches it on; OSM by default).
PPSP_MAP_TILE_URL = os.environ.get(
    "PPSP_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)


def _tile_origin() -> str:
    """The origin of PPSP_MAP_TILE_URL: "https://{s}.tile.example.org/{z}/..." gives
    "https://*.tile.example.org"."""
    url = PPSP_MAP_TILE_URL
    scheme, _sep, rest = url.partition("://")
    return f"{scheme}://{rest.split('/')[0]}".replace("{s}", "*") if rest else ""


# Content-Security-Policy (ppsp.core.middleware): scripts only from our own static files,
# never inline; inline style attributes stay allowed (templates and htmx use them).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(filter(None, ["img-src 'self' data: blob:", _tile_origin()])),
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# E-mail (password reset): the console in demo/debug (tests use Django's in-memory outbox),
# SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")  # port 465
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS, port 587
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PPSP Planner <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(3 * 3600)))
# Password-reset requests per client address: (count, seconds)
PASSWORD_RESET_RATE = (5, 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO ("Step 2 - Fetching and parsing CSS")
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# Master data: the vendored idn-area-data CSVs (see vendor/idn-area-data/README.md).
MASTER_DATA_DIR = BASE_DIR / "vendor" / "idn-area-data"

if TESTING:
    # Tests create many users; the production hasher is deliberately slow.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# REST API /api/v1/ (ppsp.api, issue 10): token or session auth, scoped reads, OpenAPI.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "ppsp.api.pagination.Pagination",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PPSP Planner API",
    "DESCRIPTION": "Read-only REST API, scoped like the UI; see docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # Swagger UI from the sidecar package's static files: no CDN
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

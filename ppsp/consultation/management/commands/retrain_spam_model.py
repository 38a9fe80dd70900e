from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from ppsp.consultation.spam_models import spam_model_retrain


class Command(BaseCommand):
    help = (
        "Latih ulang model spam konsultasi publik dari korpus awal dan keputusan moderator; "
        "simpan sebagai versi baru yang aktif."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--holdout", type=Path, help="JSONL berlabel untuk menguji model baru (opsional)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        row = spam_model_retrain(by=None, holdout=options.get("holdout"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Model spam versi {row.number} aktif; data latih {row.trained_on}"
                + (f"; uji {row.holdout}" if row.holdout else "")
            )
        )

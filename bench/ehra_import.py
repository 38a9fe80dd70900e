"""Parse time of an EHRA submissions export at the size of one kab/kota round.

Run: ``python bench/ehra_import.py [households]`` (default 4,000 = 100 desa × 40). Builds a
KoboToolbox CSV in the "both" layout (groups with ``/``, combined and split
select_multiple columns) from seeded synthetic answers, then times
``parse_submissions`` (header recognition, every answer checked against its list and
rule, form version, ids) and prints rows/s. No database; settings are loaded for the upload
checks (size and row limits) the parser runs first.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PPSP_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")

import django  # noqa: E402

django.setup()

from ppsp.compute.ehra_synthetic import synthetic_households  # noqa: E402
from ppsp.compute.questionnaire import MULTI, question_name  # noqa: E402
from ppsp.compute.questionnaire_2021 import EHRA_2021  # noqa: E402
from ppsp.compute.questionnaire_xlsform import VERSION_FIELD  # noqa: E402
from ppsp.ehra.arrays import rows_from_households  # noqa: E402
from ppsp.ehra.submissions_file import parse_submissions  # noqa: E402

PER_DESA = 40


def kobo_csv(n_desa: int) -> tuple[bytes, set[str]]:
    data = synthetic_households(EHRA_2021, n_desa, PER_DESA, seed=1)
    rows = rows_from_households(EHRA_2021, data)
    desa = [f"15.07.{1 + i // 20:02d}.{2001 + i % 20}" for i in range(n_desa)]
    group = {question_name(q.code): s.code for s in EHRA_2021.sections for q in s.questions}
    header = ["start", "end", "deviceid", VERSION_FIELD]
    keys: list[tuple[str, str | None]] = []
    for item in EHRA_2021.questions():
        name = question_name(item.code)
        header.append(f"sec_{group[name]}/{name}")
        keys.append((name, None))
        if item.kind == MULTI:
            for choice in EHRA_2021.choices[item.choices or ""]:
                header.append(f"sec_{group[name]}/{name}/{choice.value}")
                keys.append((name, choice.value))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([*header, "meta/instanceID", "_id", "_uuid"])
    for i, row in enumerate(rows):
        code = desa[int(data.desa[i])]
        row.update(ID_1=code[:2], ID_2=code[:5], ID_3=code[:8], ID_4=code, ID_5="3")
        row.update(A_1="2027-03-13", A_3="Enumerator", A_9="Responden")
        values = ["2027-03-13T09:30", "2027-03-13T10:15", "collect:x", EHRA_2021.form_version]
        for name, option in keys:
            cell = row.get(name, "")
            values.append(cell if option is None else str(int(option in cell.split())))
        writer.writerow([*values, f"uuid:{i:08d}", str(i), f"{i:08d}"])
    return out.getvalue().encode(), set(desa)


def main() -> None:
    households = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    content, desa = kobo_csv(max(1, households // PER_DESA))
    start = time.perf_counter()
    rows, errors = parse_submissions("kobo.csv", content, definition=EHRA_2021, desa_codes=desa)
    seconds = time.perf_counter() - start
    assert not errors, errors[:3]
    size = len(content) / 1e6
    print(f"{len(rows)} households, {size:.1f} MB: {seconds:.2f} s ({len(rows) / seconds:,.0f}/s)")


if __name__ == "__main__":
    main()

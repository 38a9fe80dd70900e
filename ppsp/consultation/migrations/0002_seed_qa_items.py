from django.db import migrations

from ppsp.consultation.seed import seed_qa_items


class Migration(migrations.Migration):
    dependencies = [("consultation", "0001_initial")]

    operations = [migrations.RunPython(seed_qa_items, migrations.RunPython.noop)]

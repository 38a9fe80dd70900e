"""User.roles_token keys the per-process role-scope cache; users with assignments get one."""

import uuid

from django.db import migrations, models


def give_tokens(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(assignments__isnull=False, roles_token__isnull=True).distinct():
        user.roles_token = uuid.uuid4()
        user.save(update_fields=["roles_token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="roles_token",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(give_tokens, migrations.RunPython.noop),
    ]

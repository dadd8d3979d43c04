"""Company.pix_key (the chave PIX shown in payment instructions) and SentEmail.delivered_to
(the recipients whose own copy the server took: one message per recipient)."""

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0006_charges_received")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Company",
            name="pix_key",
            field=fields.CharField(null=True, max_length=77),
        ),
        ops.AddField(
            model_name="SentEmail",
            name="delivered_to",
            field=fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads),
        ),
    ]

"""Reads FollowTheMoney JSON lines with the Python `followthemoney` library, as Aleph and OpenSanctions'
tools would, and lists every way a line breaks the model: an unknown or abstract schema, a property the
schema lacks, a value its type refuses, a missing required property, a reference to no line of the file
or to a line of the wrong schema, a duplicate id. Prints JSON: {errors, schemata, payments}."""

import json
import sys
from collections import Counter

from followthemoney import model
from followthemoney.types import registry


def main(path: str) -> None:
    errors: list[str] = []
    lines: list[tuple[int, dict, object]] = []
    schema_of: dict[str, object] = {}
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            data = json.loads(raw)
            schema = model.get(data.get("schema"))
            where = f"line {number} ({data.get('schema')} {data.get('id')})"
            if schema is None:
                errors.append(f"{where}: no such schema")
                continue
            if schema.abstract:
                errors.append(f"{where}: abstract schema")
            entity_id = data.get("id")
            if not isinstance(entity_id, str) or not registry.entity.validate(entity_id):
                errors.append(f"{where}: {entity_id!r} is not a valid FtM id")
            if entity_id in schema_of:
                errors.append(f"{where}: duplicate id")
            schema_of[entity_id] = schema
            properties = data.get("properties", {})
            for name, values in properties.items():
                prop = schema.get(name)
                if prop is None:
                    errors.append(f"{where}: {schema.name} has no property {name}")
                    continue
                for value in values:
                    if not isinstance(value, str) or not prop.type.validate(value):
                        errors.append(f"{where}: {name} = {value!r} is not a valid {prop.type.name}")
            for name in schema.required:
                if not properties.get(name):
                    errors.append(f"{where}: lacks the required {name}")
            lines.append((number, data, schema))
            # The library itself must take the line as it is.
            proxy = model.get_proxy(data, cleaned=False)
            if proxy.schema.name != schema.name:
                errors.append(f"{where}: read as {proxy.schema.name}")

    payments = []
    for number, data, schema in lines:
        where = f"line {number} ({schema.name} {data['id']})"
        for name, values in data.get("properties", {}).items():
            prop = schema.get(name)
            if prop is None or prop.type.name != "entity":
                continue
            for value in values:
                target = schema_of.get(value)
                if target is None:
                    errors.append(f"{where}: {name} refers to {value}, which is not in the file")
                elif prop.range is not None and not target.is_a(prop.range):
                    errors.append(f"{where}: {name} refers to a {target.name}, not a {prop.range.name}")
        if schema.edge and not (data["properties"].get(schema.edge_source) and data["properties"].get(schema.edge_target)):
            errors.append(f"{where}: an edge without both ends")
        if schema.is_a("Payment"):
            proxy = model.get_proxy(data)
            payments.append(
                {
                    "id": proxy.id,
                    "payer": proxy.get("payer"),
                    "beneficiary": proxy.get("beneficiary"),
                    "amountEur": proxy.get("amountEur"),
                    "amount": proxy.get("amount"),
                    "currency": proxy.get("currency"),
                }
            )

    schemata = Counter(schema.name for _, _, schema in lines)
    print(json.dumps({"errors": errors, "schemata": schemata, "payments": payments}))


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Reads every .fit file of a directory with two independent FIT decoders,
Garmin's own FIT SDK for Python (garmin-fit-sdk) and fitdecode, and prints
what each saw as one JSON object: {file: {"garmin": summary, "fitdecode":
summary}}. Any decoding error, integrity or CRC failure exits non-zero.
tests/fit_external.rs runs it (STRIDE_EXTERNAL=1) and compares.

    check_fit.py DIR
"""
import datetime
import json
import pathlib
import sys

import fitdecode
from garmin_fit_sdk import Decoder, Profile, Stream

FIT_EPOCH = datetime.datetime(1989, 12, 31)


def exercise_name(category, number):
    """The FIT profile's name of `number` within `category`, e.g. 6 in
    squat -> barbell_back_squat (both decoders give the raw number)."""
    if category is None or number is None:
        return None
    names = Profile["types"].get(f"{category}_exercise_name", {})
    return names.get(number, names.get(str(number), number))


def step(fields):
    kind = fields.get("duration_type")
    out = {
        "index": fields.get("message_index"),
        "name": fields.get("wkt_step_name"),
        "intensity": fields.get("intensity"),
        "duration_type": kind,
        "notes": fields.get("notes"),
    }
    if kind == "reps":
        out["reps"] = fields.get("duration_reps")
    elif kind == "time":
        out["seconds"] = fields.get("duration_time")
    elif kind == "distance":
        out["meters"] = fields.get("duration_distance")
    elif kind == "repeat_until_steps_cmplt":
        out["repeat_from"] = fields.get("duration_step")
        out["repeat_count"] = fields.get("repeat_steps")
    category = fields.get("exercise_category")
    out["category"] = category
    out["exercise"] = exercise_name(category, fields.get("exercise_name"))
    out["weight"] = fields.get("exercise_weight")
    out["weight_unit"] = fields.get("weight_display_unit")
    return out


def summary(messages):
    """messages: (name, {field: value}) in file order."""
    out = {"file_type": None, "workout": None, "steps": [], "schedule": []}
    for name, fields in messages:
        if name == "file_id":
            out["file_type"] = fields.get("type")
            out["serial_number"] = fields.get("serial_number")
            out["time_created"] = fields["time_created"].isoformat()
        elif name == "workout":
            out["workout"] = {
                "name": fields.get("wkt_name"),
                "sport": fields.get("sport"),
                "sub_sport": fields.get("sub_sport"),
                "num_valid_steps": fields.get("num_valid_steps"),
            }
        elif name == "workout_step":
            out["steps"].append(step(fields))
        elif name == "schedule":
            out["schedule"].append(
                {
                    "serial_number": fields.get("serial_number"),
                    "type": fields.get("type"),
                    "scheduled_time": scheduled(fields.get("scheduled_time")),
                }
            )
    return out


def garmin(path):
    stream = Stream.from_file(str(path))
    decoder = Decoder(stream)
    if not decoder.is_fit():
        raise SystemExit(f"{path}: garmin-fit-sdk: not a FIT file")
    if not decoder.check_integrity():
        raise SystemExit(f"{path}: garmin-fit-sdk: integrity (CRC) check failed")
    stream = Stream.from_file(str(path))
    order = []

    def listen(mesg_num, message):
        order.append((mesg_num, message))

    messages, errors = Decoder(stream).read(
        enable_crc_check=True, expand_sub_fields=True, mesg_listener=listen
    )
    if errors:
        raise SystemExit(f"{path}: garmin-fit-sdk: {errors}")
    names = {int(k): v["name"] for k, v in Profile["messages"].items()}
    return summary([(names.get(num, str(num)), dict(m)) for num, m in order])


def scheduled(value):
    """A local_date_time as `2027-01-19T18:00:00`: garmin-fit-sdk gives the
    seconds since the FIT epoch, fitdecode a datetime."""
    if isinstance(value, int):
        value = FIT_EPOCH + datetime.timedelta(seconds=value)
    return value.replace(tzinfo=None).isoformat()


def fitdecode_summary(path):
    messages = []
    with fitdecode.FitReader(
        str(path),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                messages.append((frame.name, {f.name: f.value for f in frame.fields}))
    return summary(messages)


def main():
    directory = pathlib.Path(sys.argv[1])
    files = sorted(directory.glob("*.fit"))
    if not files:
        raise SystemExit(f"{directory}: no .fit files")
    result = {}
    for path in files:
        try:
            result[path.name] = {"garmin": garmin(path), "fitdecode": fitdecode_summary(path)}
        except (fitdecode.FitError, ValueError, KeyError) as e:
            raise SystemExit(f"{path}: {type(e).__name__}: {e}")
    json.dump(result, sys.stdout, indent=1, sort_keys=True)


main()

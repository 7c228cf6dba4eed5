"""Reads every calendar of a manifest with two independent Python parsers.

    python check_ics.py MANIFEST.json

MANIFEST: [{"ics": path, "events": [{"uid", "start", "end", "date"}]}] with
start/end in Unix seconds for timed events and date (YYYY-MM-DD) for all-day
ones.

- icalendar: no component errors, no TZID without its VTIMEZONE, and every
  event at the intended instant, its TZID looked up by name in the zoneinfo
  database (so the name stride writes is the zone it means);
- icalendar again, with each VTIMEZONE turned into a time zone of its own
  (`to_tz(lookup_tzid=False)`), so the transitions stride wrote are the ones
  that decide every instant;
- vobject: reads with validation, serializes with validation, and finds
  every event at the intended instant.
"""

import datetime as dt
import json
import sys

import icalendar
import vobject


def seconds(value):
    return int(value.timestamp())


def check_icalendar(path, text, events, problems):
    cal = icalendar.Calendar.from_ical(text)
    for component in cal.walk():
        for error in getattr(component, "errors", []):
            problems.append(f"{path}: icalendar: {component.name}: {error}")
    missing = cal.get_missing_tzids()
    if missing:
        problems.append(f"{path}: icalendar: TZIDs without VTIMEZONE: {sorted(missing)}")
    vevents = cal.walk("VEVENT")
    if len(vevents) != len(events):
        problems.append(f"{path}: icalendar: {len(vevents)} events, expected {len(events)}")
    for vevent in vevents:
        uid = str(vevent.get("UID"))
        want = events.get(uid)
        if want is None:
            problems.append(f"{path}: icalendar: unexpected UID {uid}")
            continue
        start = vevent.decoded("DTSTART")
        end = vevent.decoded("DTEND")
        compare(path, "icalendar", uid, start, end, want, problems)
    return len(vevents)


def check_own_vtimezone(path, text, events, problems):
    cal = icalendar.Calendar.from_ical(text)
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in cal.walk("VTIMEZONE")}
    count = 0
    for vevent in cal.walk("VEVENT"):
        uid = str(vevent.get("UID"))
        want = events.get(uid)
        if want is None or want["date"] is not None:
            continue
        times = []
        for name in ("DTSTART", "DTEND"):
            prop = vevent[name]
            tzid = prop.params.get("TZID")
            value = prop.dt
            if tzid is not None:
                if tzid not in zones:
                    problems.append(f"{path}: own VTIMEZONE: {uid}: no VTIMEZONE {tzid}")
                    return count
                value = value.replace(tzinfo=zones[tzid])
            times.append(value)
        compare(path, "icalendar with the calendar's VTIMEZONE", uid, times[0], times[1], want, problems)
        count += 1
    return count


def check_vobject(path, text, events, problems):
    cal = vobject.readOne(text, validate=True)
    cal.serialize(validate=True)
    count = 0
    for vevent in cal.vevent_list:
        uid = vevent.uid.value
        want = events.get(uid)
        if want is None:
            problems.append(f"{path}: vobject: unexpected UID {uid}")
            continue
        compare(path, "vobject", uid, vevent.dtstart.value, vevent.dtend.value, want, problems)
        count += 1
    if count != len(events):
        problems.append(f"{path}: vobject: {count} events, expected {len(events)}")
    return count


def compare(path, reader, uid, start, end, want, problems):
    where = f"{path}: {reader}: {uid}"
    if want["date"] is not None:
        if isinstance(start, dt.datetime) or not isinstance(start, dt.date):
            problems.append(f"{where}: expected an all-day event, got {start!r}")
            return
        if start.isoformat() != want["date"]:
            problems.append(f"{where}: starts {start}, expected {want['date']}")
        if end != start + dt.timedelta(days=1):
            problems.append(f"{where}: ends {end}, expected the next day")
        return
    if not isinstance(start, dt.datetime) or start.tzinfo is None:
        problems.append(f"{where}: expected a zoned time, got {start!r}")
        return
    if end.tzinfo is None:
        problems.append(f"{where}: floating DTEND {end!r}")
        return
    if seconds(start) != want["start"]:
        problems.append(f"{where}: starts {start.isoformat()} = {seconds(start)}, expected {want['start']}")
    if seconds(end) != want["end"]:
        problems.append(f"{where}: ends {end.isoformat()} = {seconds(end)}, expected {want['end']}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    counts = {"icalendar": 0, "own VTIMEZONE": 0, "vobject": 0}
    for entry in manifest:
        path = entry["ics"]
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        events = {e["uid"]: e for e in entry["events"]}
        for reader, check in (
            ("icalendar", check_icalendar),
            ("own VTIMEZONE", check_own_vtimezone),
            ("vobject", check_vobject),
        ):
            try:
                counts[reader] += check(path, text, events, problems)
            except Exception as e:  # a reader that gives up is a finding too
                problems.append(f"{path}: {reader} failed: {type(e).__name__}: {e}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print(
        f"icalendar {icalendar.__version__}: {counts['icalendar']} events "
        f"({counts['own VTIMEZONE']} timed ones also through their own VTIMEZONE), "
        f"vobject {vobject.VERSION}: {counts['vobject']} events, "
        f"in {len(manifest)} calendars at the intended instants"
    )


if __name__ == "__main__":
    main()

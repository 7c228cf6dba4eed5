// Reads every calendar of a manifest with ical.js (the parser Thunderbird
// uses) and checks that each event starts and ends at exactly the instant
// stride intended, resolving TZIDs with the calendar's own VTIMEZONE only.
//
//   node check_ics.mjs TOOLS_DIR MANIFEST.json
//
// MANIFEST: [{ "ics": path, "events": [{ "uid", "start", "end", "date" }] }]
// with start/end in Unix seconds for timed events, date (YYYY-MM-DD) for
// all-day ones.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, manifestPath] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(join(tools, 'node_modules/ical.js/dist/ical.js')).href)).default;

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const problems = [];
let checked = 0;

for (const entry of manifest) {
  const where = (msg) => problems.push(`${entry.ics}: ${msg}`);
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(entry.ics, 'utf8')));
  } catch (e) {
    where(`ical.js cannot parse it: ${e}`);
    continue;
  }
  const zones = new Map();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    zones.set(tz.tzid, tz);
  }
  const expected = new Map(entry.events.map((e) => [e.uid, e]));
  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length !== entry.events.length) {
    where(`${vevents.length} events, expected ${entry.events.length}`);
  }
  const seen = new Set();
  for (const vevent of vevents) {
    const event = new ICAL.Event(vevent);
    const uid = event.uid;
    if (seen.has(uid)) where(`UID ${uid} twice`);
    seen.add(uid);
    const want = expected.get(uid);
    if (!want) {
      where(`unexpected UID ${uid}`);
      continue;
    }
    const start = event.startDate;
    const end = event.endDate;
    if (want.date !== null) {
      if (!start.isDate) where(`${uid}: expected an all-day event`);
      if (start.toString() !== want.date) where(`${uid}: starts ${start}, expected ${want.date}`);
      const next = start.clone();
      next.day += 1;
      if (end.compare(next) !== 0) where(`${uid}: ends ${end}, expected ${next}`);
    } else {
      if (start.isDate) where(`${uid}: expected a timed event`);
      for (const [name, time, prop] of [
        ['DTSTART', start, vevent.getFirstProperty('dtstart')],
        ['DTEND', end, vevent.getFirstProperty('dtend')],
      ]) {
        const tzid = prop && prop.getParameter('tzid');
        if (tzid) {
          if (!zones.has(tzid)) where(`${uid}: ${name} names ${tzid} without a VTIMEZONE`);
          if (!time.zone || time.zone.tzid !== tzid) {
            where(`${uid}: ${name} resolved to zone ${time.zone && time.zone.tzid}, not ${tzid}`);
          }
        } else if (!time.zone || time.zone.tzid !== 'UTC') {
          where(`${uid}: ${name} is floating`);
        }
      }
      if (start.toUnixTime() !== want.start) {
        where(`${uid}: starts at ${start.toUnixTime()}, expected ${want.start} (${start.toString()})`);
      }
      if (end.toUnixTime() !== want.end) {
        where(`${uid}: ends at ${end.toUnixTime()}, expected ${want.end}`);
      }
    }
    checked += 1;
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`ical.js: ${checked} events in ${manifest.length} calendars at the intended instants`);

//! A hand-built plan for the emitters' unit tests: three weeks of a London
//! plan around the 28 March 2027 change to summer time, with a deload and a
//! taper week, timed and all-day sessions, and text that needs escaping.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::{Date, Time, date, time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::ast::{Intensity, Reps, Weekday};
use crate::catalogue::Catalogue;
use crate::plan::{
    Athlete, BlockInfo, Level, LoadValue, PhaseInfo, Plan, PrescribedLine, Prescription, RaceEvent,
    RunInfo, RunOccurrence, SessionId, SessionInfo, SessionOccurrence, SetGroup, Unit, Week,
    WeekKind,
};
use crate::span::Span;

const ZONE: &str = "Europe/London";

fn instant(d: Date, t: Time) -> Timestamp {
    let tz = TimeZone::get(ZONE).expect("bundled zone");
    d.to_datetime(t)
        .to_zoned(tz)
        .expect("valid local time")
        .timestamp()
}

fn kg(value: f64) -> Option<LoadValue> {
    Some(LoadValue::Mass {
        value,
        unit: Unit::Kg,
        percent_1rm: None,
    })
}

fn group(sets: u32, reps: Reps, per_side: bool, load: Option<LoadValue>) -> SetGroup {
    SetGroup {
        sets,
        reps,
        per_side,
        load,
        load_to: None,
        effort: None,
    }
}

fn exactly(reps: u32) -> Reps {
    Reps::Exactly { reps }
}

fn prescription(
    id: &str,
    sets: Vec<SetGroup>,
    rest_s: Option<u32>,
    note: Option<&str>,
) -> Prescription {
    Prescription {
        line: Arc::new(PrescribedLine {
            exercise: id.to_string(),
            written: id.to_string(),
            rest_s,
            progression: None,
            note: note.map(str::to_string),
            span: Span::default(),
            progression_span: None,
            tempo: None,
            group: None,
            form: Default::default(),
        }),
        sets: sets.into(),
    }
}

fn lower(
    week: u32,
    monday: Date,
    block: &str,
    block_index: usize,
    squat: f64,
    sets: u32,
) -> SessionOccurrence {
    let day = monday.tomorrow().expect("in range");
    let start = instant(day, time(18, 0, 0, 0));
    SessionOccurrence {
        session: Arc::new(SessionInfo {
            name: "Lower A".into(),
            block: block.into(),
            id: SessionId {
                block: block_index,
                session: 0,
            },
            time: Some(time(18, 0, 0, 0)),
            duration_min: Some(50),
            location: Some("Gym \"North\", Leeds; 2nd floor".into()),
            warmup: Some(PhaseInfo {
                duration_min: 10.0,
                note: Some("easy bike, leg swings, glute bridges".into()),
            }),
            cooldown: Some(PhaseInfo {
                duration_min: 5.0,
                note: None,
            }),
            span: Span::default(),
            header: Span::default(),
            optional: false,
            mobility: false,
            groups: Vec::new(),
        }),
        week,
        day: Weekday::Tue,
        date: day,
        start_utc: Some(start),
        end_utc: Some(start + SignedDuration::from_mins(50)),
        utc_offset: None,
        alternatives: Default::default(),
        exercises: vec![
            prescription(
                "back-squat",
                vec![group(
                    sets,
                    exactly(5),
                    false,
                    Some(LoadValue::Mass {
                        value: squat,
                        unit: Unit::Kg,
                        percent_1rm: Some(squat / 100.0),
                    }),
                )],
                Some(180),
                None,
            ),
            prescription(
                "split-squat",
                vec![group(
                    3,
                    exactly(8),
                    true,
                    Some(LoadValue::Rir { rir: 3.0 }),
                )],
                Some(90),
                None,
            ),
            prescription(
                "calf-raise",
                vec![group(3, Reps::Range { low: 12, high: 15 }, false, kg(20.0))],
                Some(60),
                Some("slow | controlled *eccentric*"),
            ),
            prescription(
                "pogo-hop",
                vec![group(3, exactly(10), false, None)],
                Some(60),
                None,
            ),
        ],
    }
}

fn upper(week: u32, monday: Date, block: &str, block_index: usize) -> SessionOccurrence {
    let day = monday + SignedDuration::from_hours(24 * 3);
    SessionOccurrence {
        session: Arc::new(SessionInfo {
            name: "Upper | core".into(),
            block: block.into(),
            id: SessionId {
                block: block_index,
                session: 1,
            },
            time: None,
            duration_min: Some(40),
            location: None,
            warmup: None,
            cooldown: None,
            span: Span::default(),
            header: Span::default(),
            optional: false,
            mobility: false,
            groups: Vec::new(),
        }),
        week,
        day: Weekday::Thu,
        date: day,
        start_utc: None,
        end_utc: None,
        utc_offset: None,
        alternatives: Default::default(),
        exercises: vec![
            prescription(
                "bench-press",
                vec![
                    group(1, exactly(5), false, kg(65.0)),
                    group(1, exactly(5), false, kg(75.0)),
                    group(1, Reps::AtLeast { reps: 5 }, false, kg(85.0)),
                ],
                Some(120),
                Some("brace; breathe, relax \\ repeat — «ça va»"),
            ),
            prescription(
                "plank",
                vec![group(3, Reps::Timed { seconds: 30 }, false, None)],
                None,
                None,
            ),
            prescription(
                "pull-up",
                vec![group(
                    3,
                    exactly(5),
                    false,
                    Some(LoadValue::Bodyweight {
                        added: 5.0,
                        unit: Unit::Kg,
                    }),
                )],
                Some(120),
                None,
            ),
        ],
    }
}

fn runs(week: u32, monday: Date) -> Vec<RunOccurrence> {
    let tue = monday.tomorrow().expect("in range");
    let sat = monday + SignedDuration::from_hours(24 * 5);
    let start = instant(tue, time(7, 0, 0, 0));
    vec![
        RunOccurrence {
            run: Arc::new(RunInfo {
                label: Some("Intervals 6 x 800 m".into()),
                time: Some(time(7, 0, 0, 0)),
                duration_min: 60,
                intensity: Intensity::Hard,
                span: Span::default(),
                distance: None,
            }),
            week,
            day: Weekday::Tue,
            date: tue,
            start_utc: Some(start),
            end_utc: Some(start + SignedDuration::from_mins(60)),
        },
        RunOccurrence {
            run: Arc::new(RunInfo {
                label: None,
                time: None,
                duration_min: 100,
                intensity: Intensity::Easy,
                span: Span::default(),
                distance: None,
            }),
            week,
            day: Weekday::Sat,
            date: sat,
            start_utc: None,
            end_utc: None,
        },
    ]
}

/// The fixture plan.
pub fn plan() -> Plan {
    let catalogue = Catalogue::builtin();
    let mondays = [date(2027, 3, 15), date(2027, 3, 22), date(2027, 3, 29)];
    let weeks = vec![
        Week {
            number: 1,
            monday: mondays[0],
            sunday: mondays[0] + SignedDuration::from_hours(24 * 6),
            block: Some(0),
            kind: WeekKind::Loading,
            sessions: vec![
                lower(1, mondays[0], "Base", 0, 80.0, 4),
                upper(1, mondays[0], "Base", 0),
            ],
            runs: runs(1, mondays[0]),
        },
        Week {
            number: 2,
            monday: mondays[1],
            sunday: mondays[1] + SignedDuration::from_hours(24 * 6),
            block: Some(0),
            kind: WeekKind::Deload,
            sessions: vec![
                lower(2, mondays[1], "Base", 0, 72.5, 3),
                upper(2, mondays[1], "Base", 0),
            ],
            runs: runs(2, mondays[1]),
        },
        Week {
            number: 3,
            monday: mondays[2],
            sunday: mondays[2] + SignedDuration::from_hours(24 * 6),
            block: Some(1),
            kind: WeekKind::Taper,
            sessions: vec![lower(3, mondays[2], "Peak", 1, 85.0, 2)],
            runs: runs(3, mondays[2]),
        },
    ];
    let mut exercises = BTreeMap::new();
    for id in [
        "back-squat",
        "split-squat",
        "calf-raise",
        "pogo-hop",
        "bench-press",
        "plank",
        "pull-up",
    ] {
        if let Some(e) = catalogue.get(id) {
            exercises.insert(id.to_string(), e.clone());
        }
    }
    let race_day = date(2027, 4, 4);
    Plan {
        name: "Spring half marathon".into(),
        start: mondays[0],
        timezone: ZONE.into(),
        athlete: Athlete {
            level: Level::Intermediate,
            units: Unit::Kg,
            bodyweight: Some(64.0),
            maxes: BTreeMap::from([("back-squat".to_string(), 100.0)]),
            round: 2.5,
            age: None,
        },
        races: vec![RaceEvent {
            name: "Brighton Half Marathon".into(),
            date: race_day,
            time: Some(time(9, 0, 0, 0)),
            start_utc: Some(instant(race_day, time(9, 0, 0, 0))),
            week: 3,
            duration_min: None,
            span: Span::default(),
        }],
        blocks: vec![
            BlockInfo {
                name: "Base".into(),
                first_week: 1,
                last_week: 2,
                span: Span::default(),
                header: Span::default(),
            },
            BlockInfo {
                name: "Peak".into(),
                first_week: 3,
                last_week: 3,
                span: Span::default(),
                header: Span::default(),
            },
        ],
        weeks,
        exercises,
        spacing: Vec::new(),
        rule_settings: Vec::new(),
        suppressions: Vec::new(),
        taper_span: None,
        deload_span: None,
    }
}

//! The canonical layout, as snapshots of formatted plans, and the cases
//! where the formatter must refuse.

fn format(source: &str) -> String {
    match stride::fmt::format(source) {
        Ok(text) => text,
        Err(diagnostics) => panic!("not formatted: {diagnostics:#?}"),
    }
}

#[test]
fn reference_plans() {
    for name in ["first-block", "half-marathon", "upper-lower"] {
        let path = format!("{}/examples/{name}.stride", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).expect("example");
        insta::assert_snapshot!(name, format(&source));
    }
}

/// Comments in every place one can stand, bodies on one line, spellings to
/// canonicalize.
const MESSY: &str = r#"# head comment


plan "X"   # trailing plan
start 2027-01-04
# before athlete
athlete { level beginner }   # after athlete one-liner
runs {
  # first in runs

  tue 07:00 60min hard "Intervals"   # trail run

  # last in runs

}
deload every 4 weeks {   # why
  load -10%  # a
  volume -30%
}  # b
taper 2 weeks {
  load -5%
}  # collapses
rules {
}   # empty rules
exercise sled-push { muscles quadriceps, glutes
  pattern squat # pat
  unilateral yes }
block "B" weeks 1-4 { session "A" mon { back-squat 3x05 @100.50kg rest 1h30min } }  # whole block
block "C" weeks 5-6 {
  # above the session
  session "S" tue, thu 07:00 1h {
    cooldown 5min
    # above an exercise
    back-squat 3×5 @rpe8   progress +2.50kg/1weeks "note"   # trailing

    front-squat 1x5 @65%, 1x5 @75%, 1x5+ @85%
    location "Club"
  } } # closes two
# end of file

"#;

#[test]
fn comments_and_spellings() {
    insta::assert_snapshot!(format(MESSY));
}

#[test]
fn columns_align_within_each_session_only() {
    let source = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n\
        session \"A\" mon {\nsingle-leg-romanian-deadlift 3x8/side @16kg rest 2min\nsquat 3x5 progress +2.5kg/week \"heavy\"\n}\n\
        session \"B\" tue {\nsquat 3x5 rest 2min\nlunge 2x8/side \"easy\"\n}\n}\n";
    insta::assert_snapshot!(format(source));
}

#[test]
fn crlf_stays_crlf() {
    let source = "plan \"P\"\r\nstart 2027-01-04   # monday\r\n";
    assert_eq!(
        format(source),
        "plan \"P\"\r\nstart 2027-01-04  # monday\r\n"
    );
}

#[test]
fn empty_and_comment_only_files() {
    assert_eq!(format(""), "");
    assert_eq!(format("\n\n"), "");
    assert_eq!(
        format("# only\n\n\n# comments   \n"),
        "# only\n\n# comments\n"
    );
}

#[test]
fn durations_and_numbers_are_spelled_one_way() {
    let source = "plan \"P\"\nstart 2027-01-04\nruns {\ntue 1h0s easy\nwed 0h45min easy\nthu 120min hard\nfri 150s easy\n}\n\
                  rules {\nset schedule.same-session.min-gap 240min\nset x.y 007.50\nset x.z 12.0%\n}\n";
    let out = format(source);
    assert!(out.contains("  tue 60min easy\n"), "{out}");
    assert!(out.contains("  wed 45min easy\n"), "{out}");
    assert!(out.contains("  thu 2h hard\n"), "{out}");
    assert!(out.contains("  fri 2min30s easy\n"), "{out}");
    assert!(
        out.contains("set schedule.same-session.min-gap 4h\n"),
        "{out}"
    );
    assert!(out.contains("set x.y 7.5\n"), "{out}");
    assert!(out.contains("set x.z 12%\n"), "{out}");
}

#[test]
fn a_duration_written_in_hours_keeps_them() {
    let source = "plan \"P\"\nstart 2027-01-04\nrace \"Half\" 2027-04-11 09:00 1h45min\nruns {\nsat 1h30min easy\nsun 105min easy\n}\n";
    let out = format(source);
    assert!(
        out.contains("race \"Half\" 2027-04-11 09:00 1h45min\n"),
        "{out}"
    );
    assert!(out.contains("  sat 1h30min easy\n"), "{out}");
    assert!(out.contains("  sun 105min easy\n"), "{out}");
}

#[test]
fn syntax_errors_leave_the_text_alone() {
    let errors = stride::fmt::format(
        "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session mon {\n  }\n}\n",
    )
    .expect_err("syntax error");
    assert!(errors.iter().all(|d| d.is_error()));
    assert!(!errors.is_empty());
}

#[test]
fn a_repeated_statement_is_reported_not_silently_dropped() {
    let source = "plan \"P\"\nstart 2027-01-04\nblock \"B\" weeks 1-2 {\n  session \"A\" mon {\n    warmup 5min\n    warmup 10min\n    squat 3x5\n  }\n}\n";
    let errors = stride::fmt::format(source).expect_err("repeated warmup");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code, "duplicate-statement");
    let span = errors[0].primary_span().expect("span");
    assert_eq!(span.start, source.rfind("warmup").unwrap());

    let source = "plan \"P\"\nstart 2027-01-04\ndeload weeks 2 { load -10% load -20% }\n";
    let errors = stride::fmt::format(source).expect_err("repeated modifier");
    assert_eq!(errors[0].code, "duplicate-statement");
}

#[test]
fn suppressions_keep_covering_their_statement() {
    let source = "plan \"P\"\nstart 2027-01-04\n\
        block \"B\" weeks 1-2 { # stride: allow(schedule.same-session) -- block\n\
        # stride: allow(rest.heavy-sets) -- next session\n\n\
        session \"A\" mon { squat 3x5 } # stride: allow(volume.exercises-per-session)\n\
        session \"C\" wed {\n squat 3x5 # stride: allow(load.heavy-intensity)\n\
        # stride: allow(rest.moderate-sets) -- before the brace\n}\n}\n";
    let out = format(source);
    insta::assert_snapshot!(out);
    let before = stride::parse::parse(source).file.suppressions;
    let after = stride::parse::parse(&out).file.suppressions;
    // The covered statement, by its first line up to a `{` or comment.
    let covered = |src: &str, s: &[stride::ast::Suppression]| -> Vec<String> {
        s.iter()
            .map(|s| {
                s.covers.map_or(String::new(), |c| {
                    let line = src[c.start..c.end].lines().next().unwrap_or("");
                    let code = line.split(['{', '#']).next().unwrap_or("");
                    code.split_whitespace().collect::<Vec<_>>().join(" ")
                })
            })
            .collect()
    };
    assert_eq!(covered(source, &before), covered(&out, &after));
}

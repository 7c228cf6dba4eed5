//! `stride build PLAN --to fit -o DIR`: the plan's strength sessions as
//! Garmin FIT workout files in a directory (see `docs/fit.md`). FIT is not
//! a text format: the output is a directory of binary files, never
//! standard output.

use std::path::Path;

use super::build::{BuildArgs, analyze, source_date_epoch};
use super::{FAILURE, SUCCESS, output};
use crate::emit::fit;

/// Builds the FIT files; `Err` is a usage or I/O problem (exit 2).
pub(super) fn run(args: &BuildArgs, schedule: bool) -> Result<u8, String> {
    let keyword = if schedule { "fit-schedule" } else { "fit" };
    let Some(dir) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Err(format!(
            "--to {keyword} writes one file per workout: name a directory with -o DIR"
        ));
    };
    if args.utc || args.with_runs || args.alarm.is_some() {
        errln!("warning: --utc, --with-runs and --alarm only change iCalendar output, not FIT");
    }
    if dir.is_file() {
        return Err(format!(
            "-o {}: --to {keyword} writes a directory of files, and this is a file",
            dir.display()
        ));
    }
    let options = fit::Options {
        created: source_date_epoch()?,
        schedule,
    };
    let Some((_, analysis)) = analyze(args)? else {
        return Ok(FAILURE);
    };
    let Some(plan) = analysis.plan.as_ref() else {
        return Ok(FAILURE);
    };
    let files = fit::emit(plan, args.weeks, &options)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for file in &files {
        let path = dir.join(&file.name);
        output::write_atomic(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(SUCCESS)
}

//! Finding the plans in a directory: the one walk `stride check` and
//! `stride fmt` share.

use std::path::{Path, PathBuf};

/// The plan files (`*.stride`) under a directory, sorted, and the errors
/// met on the way (an unreadable directory), as messages.
#[derive(Debug, Default)]
pub struct Plans {
    pub files: Vec<PathBuf>,
    pub errors: Vec<String>,
}

/// Walks `dir`, skipping what `.gitignore` (and `.ignore`) files exclude
/// whether or not `dir` is in a git checkout, and hidden files.
pub fn plans(dir: &Path) -> Plans {
    let mut out = Plans::default();
    let walk = ignore::WalkBuilder::new(dir)
        // .gitignore applies whether or not this is a git checkout.
        .require_git(false)
        .build();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let is_plan = entry.file_type().is_some_and(|t| t.is_file())
                    && entry.path().extension().is_some_and(|e| e == "stride");
                if is_plan {
                    out.files.push(entry.into_path());
                }
            }
            Err(err) => out.errors.push(err.to_string()),
        }
    }
    out.files.sort();
    out
}

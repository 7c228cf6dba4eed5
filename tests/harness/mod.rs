//! The one way the command-line tests run `stride`: a builder over a
//! scratch directory of its own (`tempfile`), after casey/just's tests.
//!
//! ```ignore
//! let run = Test::new()
//!     .file("plans/a.stride", PLAN)
//!     .args(["check", "plans"])
//!     .run();
//! run.status(1).stderr_has("unknown-exercise");
//! ```
//!
//! `stride` runs in the scratch directory (or [`Test::in_repo`]) with
//! `NO_COLOR=1`, without `COLUMNS`, `STRIDE_FORMAT` and `SOURCE_DATE_EPOCH`
//! from the caller's environment, and with standard input closed unless
//! [`Test::stdin`] gives it some.

// Each test binary uses its own part of the harness.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;

/// One run of `stride` to be: the scratch directory, its files, the
/// arguments, the environment and standard input.
pub struct Test {
    dir: Rc<tempfile::TempDir>,
    cwd: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    stdin: Option<Vec<u8>>,
}

impl Default for Test {
    fn default() -> Self {
        Test::new()
    }
}

impl Test {
    /// A new, empty scratch directory to run in.
    pub fn new() -> Test {
        let dir = tempfile::tempdir().expect("a temporary directory");
        Test {
            cwd: dir.path().to_path_buf(),
            dir: Rc::new(dir),
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
        }
    }

    /// Another run in the same directory, with the same environment and
    /// working directory, but no arguments and no input yet.
    pub fn again(&self) -> Test {
        Test {
            dir: Rc::clone(&self.dir),
            cwd: self.cwd.clone(),
            args: Vec::new(),
            env: self.env.clone(),
            stdin: None,
        }
    }

    /// Run from the repository's root, where `examples/` and
    /// `tests/fixtures/` are (the scratch directory stays for files).
    pub fn in_repo(mut self) -> Test {
        self.cwd = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        self
    }

    /// Run in `dir`, relative to the scratch directory.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Test {
        self.cwd = self.dir.path().join(dir);
        self
    }

    /// Writes `contents` to `name` in the scratch directory, making the
    /// directories it needs.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Test {
        self.write(name, contents);
        self
    }

    /// Makes the directory `name` (and its parents) in the scratch directory.
    pub fn dir(self, name: &str) -> Test {
        std::fs::create_dir_all(self.path(name)).expect("a directory");
        self
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Test {
        self.env.push((key.into(), Some(value.as_ref().to_owned())));
        self
    }

    pub fn env_remove(mut self, key: &str) -> Test {
        self.env.push((key.into(), None));
        self
    }

    /// What `stride` reads on standard input.
    pub fn stdin(mut self, input: impl AsRef<[u8]>) -> Test {
        self.stdin = Some(input.as_ref().to_vec());
        self
    }

    /// Writes `contents` to `name` in the scratch directory; returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a directory");
        }
        std::fs::write(&path, contents).expect("the file is written");
        path
    }

    /// The scratch directory.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `name` in the scratch directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `name` in the scratch directory as an argument.
    pub fn arg_path(&self, name: &str) -> String {
        self.path(name).to_str().expect("a UTF-8 path").to_owned()
    }

    /// The text of `name` in the scratch directory.
    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("a readable file")
    }

    /// The names in `dir` (relative to the scratch directory), sorted:
    /// shows any temporary file left behind.
    pub fn entries(&self, dir: &str) -> Vec<String> {
        entries(&self.path(dir))
    }

    /// The command, for a test that needs to hold the pipes itself.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_stride"));
        command
            .args(&self.args)
            .current_dir(&self.cwd)
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .env_remove("STRIDE_FORMAT")
            .env_remove("SOURCE_DATE_EPOCH")
            .stdin(Stdio::null());
        for (key, value) in &self.env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        command
    }

    /// Starts `stride` with every stream a pipe.
    pub fn spawn(&self) -> Child {
        self.command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("stride runs")
    }

    /// Runs `stride` to the end.
    pub fn run(&self) -> Run {
        let output = match &self.stdin {
            None => self.command().output().expect("stride runs"),
            Some(input) => {
                let mut child = self.spawn();
                if let Some(mut pipe) = child.stdin.take() {
                    // stride may stop reading early; that is its business.
                    let _ = pipe.write_all(input);
                }
                child.wait_with_output().expect("stride ends")
            }
        };
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            bytes: output.stdout,
        }
    }
}

/// How a run of `stride` ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The exit code (`None` when a signal ended it).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Standard output as it was written.
    pub bytes: Vec<u8>,
}

impl Run {
    /// Asserts the exit code; the message shows standard error.
    #[track_caller]
    pub fn status(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "exit code; stderr:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn success(&self) -> &Run {
        self.status(0)
    }

    #[track_caller]
    pub fn stdout_is(&self, expected: &str) -> &Run {
        assert_eq!(self.stdout, expected, "stdout; stderr:\n{}", self.stderr);
        self
    }

    #[track_caller]
    pub fn stderr_is(&self, expected: &str) -> &Run {
        assert_eq!(self.stderr, expected, "stderr");
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, part: &str) -> &Run {
        assert!(
            self.stdout.contains(part),
            "no {part:?} in stdout:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, part: &str) -> &Run {
        assert!(
            self.stderr.contains(part),
            "no {part:?} in stderr:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stdout_empty(&self) -> &Run {
        self.stdout_is("")
    }

    /// The lines of standard error that start with `error:` (the one-line
    /// I/O and usage errors).
    pub fn error_lines(&self) -> Vec<String> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .map(str::to_owned)
            .collect()
    }

    /// Exit code, standard output and standard error in one text, as the
    /// snapshots of whole runs hold them.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code.unwrap_or(-1),
            self.stdout,
            self.stderr
        )
    }
}

/// `path` in the repository, absolute, as an argument.
pub fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// The names in `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a readable directory")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

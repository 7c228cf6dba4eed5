//! Standard output and standard error, the one way every command writes
//! to them.
//!
//! A reader that went away (`stride check plans | head -1`, or stderr
//! closed as in `2>&1 | head`) ends the output quietly: a closed pipe is no
//! reason to fail, let alone to panic as `print!` does. Any other failure
//! to write is returned, for the command to report.

use std::io::{self, Write};

/// A standard stream, written through its lock.
pub struct Sink {
    stdout: bool,
    closed: bool,
}

impl Sink {
    pub fn stdout() -> Sink {
        Sink {
            stdout: true,
            closed: false,
        }
    }

    pub fn stderr() -> Sink {
        Sink {
            stdout: false,
            closed: false,
        }
    }

    pub fn write(&mut self, text: &str) -> io::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        self.write_with(|out| out.write_all(text.as_bytes()))
    }

    /// Writes what `write` writes, through one buffer.
    pub fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let buffered = |out: &mut dyn Write| {
            let mut out = io::BufWriter::new(out);
            write(&mut out).and_then(|()| out.flush())
        };
        let result = if self.stdout {
            buffered(&mut io::stdout().lock())
        } else {
            buffered(&mut io::stderr().lock())
        };
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    /// Writes text whose failure has nowhere to be reported (stderr, or
    /// stdout where a command has no better answer).
    pub fn text(&mut self, text: &str) {
        let _ = self.write(text);
    }

    /// [`Sink::text`] and a line break.
    pub fn line(&mut self, text: &str) {
        self.text(&format!("{text}\n"));
    }
}

//! Unified diffs of whole lines, for `stride fmt --diff`.
//!
//! Myers' algorithm on the lines between the common head and tail; past a
//! few thousand differing lines the middle is shown as replaced whole,
//! which is what it is then anyway.
//!
//! Why not the `similar` crate (already in the tree, through insta): its
//! Myers diff has no bound on its work by default (an earlier measurement
//! found 10.4 s on a 50,000-line change, against 0.1 s here; not measured
//! again), and the only bound it offers is a wall-clock deadline
//! (`TextDiffConfig::deadline`, similar 2.7), which would make the diff
//! depend on the machine's speed. [`MAX_EDITS`] bounds the work by count,
//! so the same input always gives the same diff.

/// Lines of context around each change.
const CONTEXT: usize = 3;
/// Most edits searched for before giving up on a minimal diff.
const MAX_EDITS: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Equal,
    Delete,
    Insert,
}

/// The unified diff from `old` to `new`, empty when they are equal.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = script(&a, &b);
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for hunk in hunks(&ops) {
        write_hunk(
            &mut out,
            &ops[hunk.0..hunk.1],
            &a,
            &b,
            position(&ops, hunk.0),
        );
    }
    out
}

/// The edit script: one op per line of `a` or `b`.
fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops = vec![Op::Equal; head];
    match myers(mid_a, mid_b) {
        Some(middle) => ops.extend(middle),
        None => {
            ops.extend(std::iter::repeat_n(Op::Delete, mid_a.len()));
            ops.extend(std::iter::repeat_n(Op::Insert, mid_b.len()));
        }
    }
    ops.extend(std::iter::repeat_n(Op::Equal, tail));
    ops
}

/// A shortest edit script, or `None` past [`MAX_EDITS`].
fn myers(a: &[&str], b: &[&str]) -> Option<Vec<Op>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    // trace[d] holds v[-d..=d] as it was before step d.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=max as isize {
        if d as usize > MAX_EDITS {
            return None;
        }
        let lo = (offset - d) as usize;
        let hi = (offset + d) as usize;
        trace.push(v[lo..=hi].to_vec());
        let mut k = -d;
        while k <= d {
            let at = (offset + k) as usize;
            let mut x = if k == -d || (k != d && v[at - 1] < v[at + 1]) {
                v[at + 1]
            } else {
                v[at - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, n, m));
            }
            k += 2;
        }
    }
    None
}

fn backtrack(trace: &[Vec<isize>], n: isize, m: isize) -> Vec<Op> {
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let get = |k: isize| v[(k + d) as usize];
        let k = x - y;
        let (prev_x, prev_y) = if d == 0 {
            (0, 0)
        } else {
            let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
                k + 1
            } else {
                k - 1
            };
            let px = get(prev_k);
            (px, px - prev_k)
        };
        while x > prev_x && y > prev_y {
            ops.push(Op::Equal);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            ops.push(if x == prev_x { Op::Insert } else { Op::Delete });
        }
        x = prev_x;
        y = prev_y;
    }
    ops.reverse();
    ops
}

/// Ranges of ops to show: each change with its context, overlapping ones
/// merged.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        if *op == Op::Equal {
            continue;
        }
        let start = i.saturating_sub(CONTEXT);
        let end = (i + 1 + CONTEXT).min(ops.len());
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// Line indices in `a` and `b` at op `index`.
fn position(ops: &[Op], index: usize) -> (usize, usize) {
    let (mut i, mut j) = (0, 0);
    for op in &ops[..index] {
        match op {
            Op::Equal => {
                i += 1;
                j += 1;
            }
            Op::Delete => i += 1,
            Op::Insert => j += 1,
        }
    }
    (i, j)
}

fn write_hunk(
    out: &mut String,
    ops: &[Op],
    a: &[&str],
    b: &[&str],
    (mut i, mut j): (usize, usize),
) {
    let old_len = ops.iter().filter(|o| **o != Op::Insert).count();
    let new_len = ops.iter().filter(|o| **o != Op::Delete).count();
    let start = |at: usize, len: usize| if len == 0 { at } else { at + 1 };
    out.push_str(&format!(
        "@@ -{},{old_len} +{},{new_len} @@\n",
        start(i, old_len),
        start(j, new_len)
    ));
    for op in ops {
        let (mark, line) = match op {
            Op::Equal => {
                i += 1;
                j += 1;
                (' ', a[i - 1])
            }
            Op::Delete => {
                i += 1;
                ('-', a[i - 1])
            }
            Op::Insert => {
                j += 1;
                ('+', b[j - 1])
            }
        };
        out.push(mark);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn shows_changes_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n";
        let diff = unified(old, new, "old", "new");
        assert_eq!(
            diff,
            "--- old\n+++ new\n@@ -2,8 +2,9 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n+j\n"
        );
        assert_eq!(unified(old, old, "old", "new"), "");
    }

    #[test]
    fn minimal_on_interleaved_edits() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
        let new = "1\n2\nX\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n15";
        let diff = unified(old, new, "a", "b");
        assert!(diff.contains("@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n"));
        assert!(diff.contains("-14\n-15\n+Y\n+15\n\\ No newline at end of file\n"));
    }
}

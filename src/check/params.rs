//! Rule parameters: their kinds, values, parsing and display.
//!
//! A value is written the same way everywhere: in `rules/*.yaml` defaults,
//! in `stride.yaml`, and in a plan's `set RULE.PARAM VALUE` (`3h`, `10%`,
//! `2`, `consolidated`).

use std::fmt;

use serde::de::{self, IntoDeserializer as _};
use serde::{Deserialize, Serialize};

use crate::ast;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamKind {
    /// `3h`, `90s`, `1h30min`.
    Duration,
    /// `10%`.
    Percent,
    /// `2`, `2.5`.
    Number,
    /// One of a closed list of words.
    Word,
}

impl ParamKind {
    /// The kind as `rules/*.yaml` writes it.
    pub fn keyword(self) -> &'static str {
        match self {
            ParamKind::Duration => "duration",
            ParamKind::Percent => "percent",
            ParamKind::Number => "number",
            ParamKind::Word => "word",
        }
    }

    /// What a value of this kind looks like, for messages.
    pub fn example(self) -> &'static str {
        match self {
            ParamKind::Duration => "a duration such as `3h` or `90s`",
            ParamKind::Percent => "a percentage such as `10%`",
            ParamKind::Number => "a number such as `2`",
            ParamKind::Word => "a word",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// Seconds.
    Duration(u32),
    /// Percent, as written (`10` for `10%`).
    Percent(f64),
    Number(f64),
    Word(String),
}

impl ParamValue {
    pub fn kind(&self) -> ParamKind {
        match self {
            ParamValue::Duration(_) => ParamKind::Duration,
            ParamValue::Percent(_) => ParamKind::Percent,
            ParamValue::Number(_) => ParamKind::Number,
            ParamValue::Word(_) => ParamKind::Word,
        }
    }

    /// Reads a value written as text, checking it against `kind`.
    pub fn parse(text: &str, kind: ParamKind, words: &[String]) -> Result<ParamValue, String> {
        let text = text.trim();
        let value = if let Some(seconds) = parse_duration(text) {
            ParamValue::Duration(seconds)
        } else if let Some(number) = text.strip_suffix('%').and_then(parse_number) {
            ParamValue::Percent(number)
        } else if let Some(number) = parse_number(text) {
            ParamValue::Number(number)
        } else {
            ParamValue::Word(text.to_string())
        };
        value.checked(kind, words)
    }

    pub fn from_yaml(
        value: &serde_yaml::Value,
        kind: ParamKind,
        words: &[String],
    ) -> Result<ParamValue, String> {
        match value {
            serde_yaml::Value::Number(n) => match n.as_f64() {
                Some(f) => ParamValue::Number(f).checked(kind, words),
                None => Err(format!("`{n}` is not a number stride can use")),
            },
            serde_yaml::Value::String(s) => ParamValue::parse(s, kind, words),
            serde_yaml::Value::Bool(b) => ParamValue::Word(b.to_string()).checked(kind, words),
            _ => Err(format!("expected {}", kind.example())),
        }
    }

    /// A value from a plan's `set` statement.
    pub fn from_ast(
        value: &ast::Value,
        kind: ParamKind,
        words: &[String],
    ) -> Result<ParamValue, String> {
        let value = match value {
            ast::Value::Number(n) => ParamValue::Number(*n),
            ast::Value::Percent(p) => ParamValue::Percent(*p),
            ast::Value::Duration(d) => ParamValue::Duration(d.seconds),
            ast::Value::Word(w) | ast::Value::Text(w) => ParamValue::Word(w.clone()),
            ast::Value::Mass(m) => {
                return Err(format!(
                    "expected {}, not a load (`{}{}`)",
                    kind.example(),
                    crate::plan::format_number(m.value),
                    m.unit.value
                ));
            }
        };
        value.checked(kind, words)
    }

    /// `self` if it is of `kind` (and, for words, one of `words`).
    fn checked(self, kind: ParamKind, words: &[String]) -> Result<ParamValue, String> {
        if self.kind() != kind {
            return Err(format!(
                "expected {}, not `{self}`",
                kind_example(kind, words)
            ));
        }
        match &self {
            ParamValue::Word(w) if !words.iter().any(|x| x == w) => Err(format!(
                "expected one of {}, not `{w}`",
                words
                    .iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            ParamValue::Number(n) | ParamValue::Percent(n) if !n.is_finite() || *n < 0.0 => {
                Err(format!("`{self}` is negative"))
            }
            _ => Ok(self),
        }
    }
}

fn kind_example(kind: ParamKind, words: &[String]) -> String {
    if kind == ParamKind::Word {
        format!(
            "one of {}",
            words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        kind.example().to_string()
    }
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Duration(s) => {
                let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
                if *s == 0 {
                    return f.write_str("0s");
                }
                for (n, unit) in [(h, "h"), (m, "min"), (sec, "s")] {
                    if n > 0 {
                        write!(f, "{n}{unit}")?;
                    }
                }
                Ok(())
            }
            ParamValue::Percent(p) => write!(f, "{}%", crate::plan::format_number(*p)),
            ParamValue::Number(n) => f.write_str(&crate::plan::format_number(*n)),
            ParamValue::Word(w) => f.write_str(w),
        }
    }
}

/// The parameter values one rule runs with, by name. A rule has a few:
/// a short list in name order, each entry allocated as needed, takes far
/// less room than a map (whose smallest node holds eleven).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    values: Vec<(String, ParamValue)>,
}

impl Params {
    pub const fn new() -> Self {
        Params { values: Vec::new() }
    }

    pub fn insert(&mut self, name: &str, value: ParamValue) {
        match self.position(name) {
            Ok(i) => {
                if let Some(old) = self.values.get_mut(i) {
                    old.1 = value;
                }
            }
            Err(i) => {
                self.values.reserve_exact(1);
                self.values.insert(i, (name.to_string(), value));
            }
        }
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        self.values.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        let i = self.position(name).ok()?;
        self.values.get(i).map(|(_, v)| v)
    }

    /// The values, read into a rule's own parameter type (its `Params`).
    /// Fails naming the parameter when the type and the values disagree:
    /// one the type reads is missing, one is set that it has no field for,
    /// or a value is of another kind than its field.
    pub fn typed<T: de::DeserializeOwned>(&self) -> Result<T, ParamError> {
        T::deserialize(self)
    }
}

/// A duration parameter, in seconds. A field of this type takes only a
/// parameter of kind `duration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seconds(pub i64);

/// A percentage parameter, as written (`10.0` for `10%`). A field of this
/// type takes only a parameter of kind `percent`; `number` parameters are
/// read into an `f64`, `word` parameters into an enum or a `String`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percent(pub f64);

/// The type names [`ValueDeserializer`] recognises.
const SECONDS: &str = "Seconds";
const PERCENT: &str = "Percent";

/// `Deserialize` for a kind-checked newtype: it asks the deserializer for
/// the newtype by name, which only a value of the matching kind gives.
macro_rules! kind_newtype {
    ($ty:ident, $inner:ty, $name:expr, $what:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Of;
                impl<'de> de::Visitor<'de> for Of {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_newtype_struct<D: de::Deserializer<'de>>(
                        self,
                        d: D,
                    ) -> Result<$ty, D::Error> {
                        <$inner>::deserialize(d).map($ty)
                    }
                }
                d.deserialize_newtype_struct($name, Of)
            }
        }
    };
}

kind_newtype!(Seconds, i64, SECONDS, "a duration");
kind_newtype!(Percent, f64, PERCENT, "a percentage");

/// Why a rule's parameter type cannot read its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError(String);

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParamError {}

impl de::Error for ParamError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ParamError(msg.to_string())
    }

    fn missing_field(field: &'static str) -> Self {
        ParamError(format!(
            "the rule's code reads parameter `{field}`, which its entry does not declare"
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let reads = if expected.is_empty() {
            "reads no parameters".to_string()
        } else {
            format!(
                "reads {}",
                expected
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        ParamError(format!(
            "parameter `{field}` is declared but the rule's code does not read it (it {reads})"
        ))
    }
}

impl ParamKind {
    /// The Rust type a rule's `Params` field of this kind has.
    fn field_type(self) -> &'static str {
        match self {
            ParamKind::Duration => "`Seconds`",
            ParamKind::Percent => "`Percent`",
            ParamKind::Number => "`f64`",
            ParamKind::Word => "an enum or `String`",
        }
    }
}

/// A set of values as a map, for a rule's `Params` struct.
impl<'de> de::Deserializer<'de> for &Params {
    type Error = ParamError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        visitor.visit_map(ValuesAccess {
            values: self.values.iter(),
            next: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct ValuesAccess<'a> {
    values: std::slice::Iter<'a, (String, ParamValue)>,
    next: Option<&'a (String, ParamValue)>,
}

impl<'de> de::MapAccess<'de> for ValuesAccess<'_> {
    type Error = ParamError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ParamError> {
        let Some(entry) = self.values.next() else {
            return Ok(None);
        };
        self.next = Some(entry);
        seed.deserialize(de::value::StrDeserializer::<ParamError>::new(&entry.0))
            .map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ParamError> {
        let Some((name, value)) = self.next.take() else {
            return Err(de::Error::custom("a value without its name"));
        };
        seed.deserialize(ValueDeserializer(value))
            .map_err(|e| ParamError(format!("parameter `{name}`: {e}")))
    }
}

/// One value, for one field: numbers read as `f64`, words as strings or
/// enums, durations and percentages only as [`Seconds`] and [`Percent`].
struct ValueDeserializer<'a>(&'a ParamValue);

impl ValueDeserializer<'_> {
    fn mismatch(&self, wanted: &str) -> ParamError {
        let kind = self.0.kind();
        ParamError(format!(
            "it is a {} parameter, so its field must be {}, not {wanted}",
            kind.keyword(),
            kind.field_type()
        ))
    }
}

impl<'de> de::Deserializer<'de> for ValueDeserializer<'_> {
    type Error = ParamError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, ParamError> {
        match self.0 {
            ParamValue::Number(n) => visitor.visit_f64(*n),
            ParamValue::Word(w) => visitor.visit_str(w),
            ParamValue::Duration(_) | ParamValue::Percent(_) => {
                Err(self.mismatch("a plain number or text"))
            }
        }
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        match (name, self.0) {
            (SECONDS, ParamValue::Duration(s)) => {
                visitor.visit_newtype_struct(i64::from(*s).into_deserializer())
            }
            (PERCENT, ParamValue::Percent(p)) => {
                visitor.visit_newtype_struct(p.into_deserializer())
            }
            _ => Err(self.mismatch(&format!("`{name}`"))),
        }
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ParamError> {
        match self.0 {
            ParamValue::Word(w) => de::value::StrDeserializer::<ParamError>::new(w)
                .deserialize_enum(name, variants, visitor),
            _ => Err(self.mismatch("an enum")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple tuple_struct map
        struct identifier ignored_any
    }
}

fn parse_number(text: &str) -> Option<f64> {
    if text.is_empty()
        || !text.chars().all(|c| c.is_ascii_digit() || c == '.')
        || text.starts_with('.')
        || text.ends_with('.')
    {
        return None;
    }
    text.parse().ok()
}

/// `90s`, `45min`, `3h`, `1h30min`, `1h30min15s`.
pub fn parse_duration(text: &str) -> Option<u32> {
    let mut rest = text;
    let mut total: u64 = 0;
    let mut last_rank = 0;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let n: u64 = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let (unit, rank, len) = if rest.starts_with("min") {
            (60, 2, 3)
        } else if rest.starts_with('h') {
            (3600, 1, 1)
        } else if rest.starts_with('s') {
            (1, 3, 1)
        } else {
            return None;
        };
        if rank <= last_rank {
            return None;
        }
        last_rank = rank;
        total = total.checked_add(n.checked_mul(unit)?)?;
        rest = &rest[len..];
    }
    u32::try_from(total).ok()
}

/// `3h`, `3h50`, `45min`, `90s`: a gap for people. Negative gaps read as
/// their size (callers say "overlaps" themselves).
pub fn format_duration(seconds: i64) -> String {
    duration(seconds).to_string()
}

/// [`format_duration`], written straight into a message.
pub fn duration(seconds: i64) -> Duration {
    Duration(seconds)
}

/// A gap for people (see [`format_duration`]).
#[derive(Debug, Clone, Copy)]
pub struct Duration(i64);

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.unsigned_abs();
        let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60);
        match (h, m, sec) {
            (0, 0, sec) => write!(f, "{sec}s"),
            (0, m, 0) => write!(f, "{m}min"),
            (0, m, sec) => write!(f, "{m}min{sec}s"),
            (h, 0, 0) => write!(f, "{h}h"),
            (h, m, _) => write!(f, "{h}h{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values() {
        assert_eq!(parse_duration("1h30min"), Some(5400));
        assert_eq!(parse_duration("90s"), Some(90));
        assert_eq!(parse_duration("30min1h"), None);
        assert_eq!(parse_duration("h"), None);
        assert_eq!(
            ParamValue::parse("10%", ParamKind::Percent, &[]),
            Ok(ParamValue::Percent(10.0))
        );
        assert!(ParamValue::parse("10", ParamKind::Percent, &[]).is_err());
        let words = vec!["auto".to_string(), "consolidated".to_string()];
        assert!(ParamValue::parse("auto", ParamKind::Word, &words).is_ok());
        let err = ParamValue::parse("other", ParamKind::Word, &words).unwrap_err();
        assert!(err.contains("`auto`, `consolidated`"), "{err}");
    }

    #[test]
    fn formats_durations() {
        assert_eq!(format_duration(3 * 3600 + 50 * 60), "3h50");
        assert_eq!(format_duration(3 * 3600), "3h");
        assert_eq!(format_duration(45 * 60), "45min");
        assert_eq!(format_duration(90), "1min30s");
        assert_eq!(ParamValue::Duration(5400).to_string(), "1h30min");
    }
}

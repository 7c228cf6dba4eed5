//! `fit CATEGORY [NAME]` in a plan's `exercise` block: the FIT exercise a
//! watch shows for it (`stride build --to fit`), checked against the FIT
//! SDK profile's words ([`crate::fit_exercise`]).

use crate::catalogue::FitMapping;
use crate::diagnostic::Diagnostic;
use crate::error_code::ErrorCode;
use crate::fit_exercise;
use crate::span::Spanned;

/// The mapping `fit` gives, or `None` (with an error) when FIT has no such
/// category or no such name in it.
pub(super) fn mapping(
    category: &Spanned<String>,
    name: Option<&Spanned<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<FitMapping> {
    let Some(names) = fit_exercise::names(&category.value) else {
        let near = super::closest(&category.value, fit_exercise::category_names(), diags);
        diags.push(
            Diagnostic::error(
                ErrorCode::UnknownValue,
                format!("`{}` is not a FIT exercise category", category.value),
            )
            .with_label(category.span, "unknown FIT category")
            .with_help(match near {
                Some(near) => super::did_you_mean(near),
                None => "use a category of the FIT profile, e.g. `fit squat` or `fit plyo`; \
docs/fit.md says where to find them all"
                    .to_owned(),
            }),
        );
        return None;
    };
    if let Some(name) = name
        && !names.iter().any(|(_, n)| *n == name.value)
    {
        let near = super::closest(&name.value, names.iter().map(|(_, n)| *n), diags);
        diags.push(
            Diagnostic::error(
                ErrorCode::UnknownValue,
                format!(
                    "`{}` is not a FIT exercise in the category `{}`",
                    name.value, category.value
                ),
            )
            .with_label(name.span, "unknown FIT exercise")
            .with_help(match near {
                Some(near) => super::did_you_mean(near),
                None => format!(
                    "give the category alone (`fit {}`), or a name of that category in the FIT profile",
                    category.value
                ),
            }),
        );
        return None;
    }
    Some(FitMapping {
        category: category.value.clone(),
        name: name.map(|n| n.value.clone()),
        approximate: false,
    })
}

#[cfg(test)]
mod tests {
    const PLAN: &str = r#"plan "p"
start 2027-01-04
athlete {
  level intermediate
  units kg
}
exercise sled-push {
  muscles quadriceps, glutes
  pattern squat
  equipment sled
  fit FIT
}
block "A" weeks 1-1 {
  session "S" mon {
    sled-push 3x20m
  }
}
"#;

    fn compile(fit: &str) -> crate::Compiled {
        crate::compile(&PLAN.replace("FIT", fit))
    }

    #[test]
    fn a_plan_exercise_names_its_fit_exercise() {
        let compiled = compile("sled push");
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        let plan = compiled.plan.unwrap_or_else(|| panic!("expands"));
        let fit = plan.exercises["sled-push"].fit.clone();
        assert_eq!(fit.as_ref().map(|f| f.category.as_str()), Some("sled"));
        assert_eq!(fit.and_then(|f| f.name), Some("push".to_owned()));

        let category_only = compile("sled").plan.unwrap_or_else(|| panic!("expands"));
        let fit = category_only.exercises["sled-push"].fit.clone();
        assert_eq!(
            fit.map(|f| (f.category, f.name)),
            Some(("sled".to_owned(), None))
        );
    }

    #[test]
    fn unknown_fit_words_are_errors_with_a_suggestion() {
        let compiled = compile("sled pusj");
        let messages: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(|d| format!("{} / {:?}", d.message, d.help))
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("`pusj` is not a FIT exercise in the category `sled`"));
        assert!(messages[0].contains("did you mean `push`?"), "{messages:?}");

        let compiled = compile("sed");
        let message = format!("{:?}", compiled.diagnostics);
        assert!(
            message.contains("`sed` is not a FIT exercise category"),
            "{message}"
        );
        assert!(message.contains("did you mean `sled`?"), "{message}");
    }

    #[test]
    fn fit_words_may_start_with_a_digit_and_be_formatted() {
        let compiled = compile("calf_raise 3_way_calf_raise");
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        let source = PLAN.replace("FIT", "sled   push");
        let formatted = crate::fmt::format(&source).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(formatted.contains("  fit sled push\n"), "{formatted}");
    }
}
